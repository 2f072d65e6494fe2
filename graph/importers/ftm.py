"""OpenSanctions / FollowTheMoney entities (``entities.ftm.json``: one JSON entity per line), read with
the ``followthemoney`` library, whose schema decides what each entity is (``Company`` is a
``LegalEntity``, ``PublicBody`` an ``Organization``, …).

* ``Person`` -> ``dip:Person`` (``name``, ``country`` as nationality, ``wikidataId``); ``Organization``,
  ``Company``, ``LegalEntity`` -> ``dip:Organization``; ``PublicBody`` -> the state's
  ``dip:GovernmentAgency`` when it has a country. A name the gazetteer knows (a state, an IGO, a
  listed agency) is that actor.
* **One actor with the articles** (:mod:`graph.importers.ftm_match`): a person whose Wikidata QID an
  actor of the store already has is that actor (rule ``wikidata``); else a person is keyed by name as
  extraction keys it (``person-gustavo-petro``), and one whose name a store person has is compared
  on nationality and role (the posts of its ``position`` property and of its occupancies against the
  store person's tenures): merged (``name-country-role``, or ``name-country`` when a side knows no
  post), or kept apart on another nationality or a conflicting role. Each merge is written on the
  record (``dip:matchedActor``, ``dip:matchRule``, ``dip:matchEvidence``): explainable, and undone by
  re-importing without the store's person.
* The relations (``Sanction``, ``Occupancy``, ``Family``, ``Associate``): :mod:`graph.importers.ftm_relations`.

Entities refer to each other by id in any order: the actors and positions read so far are kept by id
(memory grows with the entities, not the statements), and a relation whose ends are not read yet
waits until the end of the file; one whose ends never come is a bad row. A person whose name a
store person has waits too (its occupancies are evidence for the merge), with the relations that
name it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from graph import ids
from graph.errors import ConfigError
from graph.importers.actors import Resolved, actor_codes
from graph.importers.base import Match, Problem, Reader, Record
from graph.importers.ftm_match import Posts, StoreActors, match_person
from graph.importers.ftm_relations import FtmRelations, short_title, title_roles
from graph.model import Actor, ActorKind
from graph.store.base import Store

__all__ = ["FtmReader", "StoreActors", "reader"]

ORGANIZATIONS = ("Organization", "Company", "LegalEntity")
RELATIONS = ("Sanction", "Occupancy", "Family", "Associate")
DATASET = "ftm"


def reader(store: Store | None = None) -> Reader:
    """The FtM reader; ``store`` gives the persons already there (by QID, by name and nationality)."""
    known = StoreActors.read(store) if store is not None else StoreActors()
    return lambda lines, name: FtmReader(known).read(lines, name)


class FtmReader(FtmRelations):
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
        self.deferred: dict[str, tuple[int, Any, str]] = {}  # FtM id -> (line, person, name) of a store name

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
            elif (read := self._entity(n, proxy)) is not None:
                yield read
        yield from self._settle(waiting)

    def _settle(self, waiting: list[tuple[int, Any]]) -> Iterator[Record | Problem]:
        """At the end of the file: the persons that waited for their occupancies, then the relations."""
        held: dict[str, list[tuple[str, str | None]]] = {}
        for _, proxy in waiting:
            if proxy.schema.name == "Occupancy" and (proxy.first("holder") or "") in self.deferred:
                post = self.positions.get(proxy.first("post") or "")
                if post is not None:
                    held.setdefault(proxy.first("holder"), []).append(post)
        for fid, (n, proxy, label) in self.deferred.items():
            yield self._person_record(n, proxy, label, held.get(fid, []))
        self.deferred.clear()
        for n, proxy in waiting:
            yield (
                self._relation(n, proxy)
                if self._ends_known(proxy)
                else Problem(n, f"{proxy.schema.name} {proxy.id} refers to an entity that is not in the file")
            )

    # -- entities -------------------------------------------------------------------------------
    def _entity(self, n: int, proxy: Any) -> Record | Problem | None:
        """The record of an entity, or None for a person that waits for the end of the file."""
        schema = proxy.schema
        label = proxy.caption if proxy.caption and proxy.caption != schema.label else proxy.first("name")
        if schema.name == "Position":
            country = self.codes.state(proxy.first("country") or "")
            self.positions[proxy.id] = (label or "official", country.iso3 if country else None)
            return Problem(n, "a position is written with its occupancies", bad=False)
        if not label:
            return Problem(n, f"{schema.name} {proxy.id} has no name")
        if schema.is_a("Person"):
            if ids.actor_key(ActorKind.PERSON, label) in self.known.persons and _qid(proxy) not in self.known.by_qid:
                self.deferred[proxy.id] = (n, proxy, label)  # a store person's name: its posts decide
                return None
            return self._person_record(n, proxy, label, [])
        if schema.name == "PublicBody" or any(schema.is_a(s) for s in ORGANIZATIONS):
            resolved = self._organization(proxy, label, schema.name == "PublicBody")
        else:
            return Problem(n, f"the {schema.name} schema has no counterpart in the model", bad=False)
        self.actors[proxy.id] = resolved
        return Record(n, proxy.id, (resolved.actor, *resolved.also), url=proxy.first("sourceUrl"))

    def _person_record(self, n: int, proxy: Any, name: str, held: list[tuple[str, str | None]]) -> Record:
        """A person, matched against the store's on QID, else name, nationality and the posts it holds
        (its ``position`` texts and the posts of its occupancies, ``held``)."""
        state = self.codes.state(proxy.first("nationality") or proxy.first("country") or "")
        qid = _qid(proxy)
        titles = [(title, state.iso3 if state else None) for title in proxy.get("position")] + held
        posts = Posts.of(self._post(title, iso3) for title, iso3 in titles)
        key, match = match_person(self.known, proxy.id, name, state.iso3 if state else None, qid, posts)
        also = (state.actor(),) if state is not None else ()
        aliases = tuple(sorted(set(proxy.get("alias")) - {name}))[:20]
        actor = Actor(key, ActorKind.PERSON, name, aliases, wikidata=qid, nationality=also[0].key if also else None)
        self.actors[proxy.id] = Resolved(actor, also)
        matches: tuple[Match, ...] = (match,) if match is not None else ()
        return Record(n, proxy.id, (actor, *also), url=proxy.first("sourceUrl"), matches=matches)

    def _post(self, title: str, iso3: str | None) -> tuple[str, tuple[str, ...]]:
        """A post as a (label, role concepts) pair, labelled as the store labels posts ("President of
        Colombia"); a title without a country the model knows keeps its own words."""
        title = " ".join(title.split())
        state = self.codes.state(iso3 or "")
        if state is None:
            return title, title_roles(title)
        short = short_title(title, state.name)
        return f"{short[:1].upper()}{short[1:]} of {state.name}", title_roles(short)

    def _organization(self, proxy: Any, name: str, public: bool) -> Resolved:
        known = self.codes.names.get(ids.slug(name))
        if known is not None and known.kind is ActorKind.AGENCY:
            return self.codes.agency(known)
        if known is not None and known.kind is not ActorKind.PERSON:
            return Resolved(known.actor())
        state = self.codes.state(proxy.first("jurisdiction") or proxy.first("country") or "")
        qid = _qid(proxy)
        if public and state is not None:
            key = ids.actor_key(ActorKind.AGENCY, name, state=state.iso3)
            country = state.actor()
            return Resolved(Actor(key, ActorKind.AGENCY, name, wikidata=qid, part_of=country.key), (country,))
        return Resolved(Actor(ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, wikidata=qid))


def _qid(proxy: Any) -> str | None:
    qid = proxy.first("wikidataId")
    return qid if qid and qid[1:].isdigit() and qid.startswith("Q") else None
