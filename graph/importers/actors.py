"""Actors of coded event data with the IRIs extraction gives them.

* a CAMEO country code (``COL``) is the state, keyed by ISO alpha-3 like every state of the gazetteer;
* a country code followed by type codes (``USAGOV``, ``COLMIL``): ``GOV`` and the other codes of
  government are the state itself, as extraction reads "the US government"; ``MIL``, ``COP``,
  ``LEG`` and ``JUD`` are the state's armed forces, police, parliament and supreme court, the
  agencies extraction makes of "Colombia's army" (``agency-col-armed-forces``); any other type
  (business, rebels, media, …) is a group of that state, named by its type;
* an intergovernmental or non-governmental organisation code of the gazetteer (``IGOUNO``) is that
  organisation;
* a person the gazetteer of office holders knows by the row's name (GDELT ``Actor1Name``, ICEWS
  ``Source Name``) is that person (``person-gustavo-petro``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from graph import ids
from graph.extract.gazetteer import Entry, load_gazetteer
from graph.model import Actor, ActorKind

if TYPE_CHECKING:
    from graph.extract.people import People

STATE_ITSELF = frozenset({"GOV", "ELI", "PTY", "SPY", "UAF"})
"""Type codes read as the state itself (government, elites, ruling party, intelligence, armed forces
of unknown kind) — extraction has no separate actor for them."""
BODIES = {"MIL": "Armed Forces", "COP": "Police", "LEG": "Parliament", "JUD": "Supreme Court"}
"""Type codes read as a body of the state, named as extraction names it."""
GROUP_TYPES = {
    "AGR": "farmers",
    "BUS": "businesses",
    "CRM": "criminals",
    "CVL": "civilians",
    "DEV": "development organisations",
    "EDU": "educators",
    "ENV": "environmentalists",
    "HLH": "health workers",
    "HRI": "human rights groups",
    "INS": "insurgents",
    "LAB": "labour",
    "MED": "media",
    "MOD": "moderates",
    "OPP": "opposition",
    "RAD": "radicals",
    "REB": "rebels",
    "REF": "refugees",
    "SEP": "separatists",
    "SET": "settlers",
}


@dataclass(frozen=True)
class Resolved:
    """An actor and the actors it refers to (its state), all to be defined beside it."""

    actor: Actor
    also: tuple[Actor, ...] = ()


class ActorCodes:
    """CAMEO actor codes and names -> actors (built once per process)."""

    def __init__(self) -> None:
        gaz = load_gazetteer()
        self.states: dict[str, Entry] = {}
        self.orgs: dict[str, Entry] = {}
        self.names: dict[str, Entry] = {}
        for entry in gaz.entries.values():
            if entry.kind is ActorKind.STATE and entry.iso3:
                self.states.setdefault(entry.iso3, entry)
                if entry.cameo:
                    self.states.setdefault(entry.cameo, entry)
            elif entry.kind in (ActorKind.IGO, ActorKind.ORGANIZATION) and entry.cameo:
                self.orgs.setdefault(entry.cameo, entry)
            if entry.kind is not ActorKind.SITE:
                for name in (entry.name, *entry.aliases):
                    self.names.setdefault(ids.slug(name), entry)
        self.iso2 = {e.iso2: e for e in self.states.values() if e.iso2}
        self._cache: dict[tuple[str, str, str], Resolved | None] = {}

    def state(self, code: str) -> Entry | None:
        """The state of a CAMEO country code, ISO alpha-3 or alpha-2 code, or name."""
        code = code.strip()
        if not code:
            return None
        found = self.states.get(code.upper()) or (self.iso2.get(code.upper()) if len(code) == 2 else None)
        if found is None:
            named = self.names.get(ids.slug(code))
            found = named if named is not None and named.kind is ActorKind.STATE else None
        return found

    def resolve(self, code: str, name: str = "", country: str = "") -> Resolved | None:
        """The actor of a CAMEO actor code (with the row's actor name and country code), or None."""
        key = (code, name, country)
        if key not in self._cache:
            if len(self._cache) > 200_000:  # bounded: a file of many distinct names does not grow it forever
                self._cache.clear()
            self._cache[key] = self._resolve(code.strip().upper(), name.strip(), country.strip())
        return self._cache[key]

    def _resolve(self, code: str, name: str, country: str) -> Resolved | None:
        if name and (person := self.person(name, country)) is not None:
            return person
        for size in (6, 3):
            org = self.orgs.get(code[:size]) if len(code) >= size else None
            if org is not None:
                return Resolved(org.actor())
        state = self.states.get(code[:3]) if len(code) >= 3 else None
        types = [code[i : i + 3] for i in range(3, len(code), 3)] if state is not None else []
        if state is None:
            state = self.state(country) if country else None
            types = [code[i : i + 3] for i in range(0, len(code), 3)]
        if state is None:
            if name:
                return Resolved(Actor(ids.actor_key(ActorKind.GROUP, name), ActorKind.GROUP, _title(name)))
            return None
        return self._of_state(state, types, code)

    def _of_state(self, state: Entry, types: list[str], code: str, label: str = "") -> Resolved:
        country = state.actor()
        for t in types:
            if t in STATE_ITSELF:
                return Resolved(country)
            if t in BODIES:
                body = BODIES[t]
                actor = Actor(
                    ids.actor_key(ActorKind.AGENCY, body, state=state.iso3),
                    ActorKind.AGENCY,
                    f"{body} of {state.name}",
                    cameo_code=code or None,
                    part_of=country.key,
                )
                return Resolved(actor, (country,))
            if t in GROUP_TYPES or label:
                name = f"{GROUP_TYPES.get(t) or label.lower()} of {state.name}"
                actor = Actor(ids.actor_key(ActorKind.GROUP, name), ActorKind.GROUP, name, cameo_code=code or None)
                return Resolved(actor, (country,))
        return Resolved(country)

    def named(self, name: str, country: str = "", sectors: str = "", wikidata: str = "") -> Resolved | None:
        """The actor of a named ICEWS or POLECAT actor: ``Sector (Country)`` collectives as the state, a
        body of it or a group; a state, organisation or office holder the gazetteers know; else a
        person of that name (with the country as nationality and the Wikidata QID when given)."""
        name, country = " ".join(name.split()), country.strip()
        state = self.state(country) if country else None
        if not name:
            return Resolved(state.actor()) if state is not None else None
        collective = _COLLECTIVE.fullmatch(name)
        if collective is not None:
            where = self.state(collective.group(2)) or state
            if where is not None:
                return self._of_state(where, [_sector_code(collective.group(1))], "", collective.group(1))
        if state is not None and self.state(name) is state:
            return Resolved(state.actor())
        known = self.names.get(ids.slug(name))
        if known is not None and known.kind is not ActorKind.PERSON:
            return Resolved(known.actor()) if known.kind is not ActorKind.AGENCY else self.agency(known)
        qid = wikidata.strip() if _QID.fullmatch(wikidata.strip()) else None
        if (person := self.person(name, country)) is not None:
            return Resolved(replace(person.actor, wikidata=qid), person.also) if qid else person
        also = (state.actor(),) if state is not None else ()
        key = ids.actor_key(ActorKind.PERSON, name)
        actor = Actor(key, ActorKind.PERSON, name, wikidata=qid, nationality=also[0].key if also else None)
        return Resolved(actor, also)

    def agency(self, entry: Entry) -> Resolved:
        """A listed agency of the gazetteer, part of its state (defined beside it)."""
        state = self.states.get(entry.state or "")
        country = state.actor() if state is not None else None
        actor = entry.actor(country.key if country is not None else None)
        return Resolved(actor, (country,) if country is not None else ())

    def person(self, name: str, country: str = "") -> Resolved | None:
        """A person the gazetteer of office holders knows by this name (one only), with their state."""
        found = _people().by_name(name)
        if len(found) != 1:
            return None
        person = found[0]
        states = [r.country for r in person.roles if r.country]
        state = self.state(country or (states[-1] if states else "")) if (country or states) else None
        also = (state.actor(),) if state is not None else ()
        actor = Actor(
            ids.actor_key(ActorKind.PERSON, person.name),
            ActorKind.PERSON,
            person.name,
            nationality=also[0].key if also else None,
        )
        return Resolved(actor, also)


_COLLECTIVE = re.compile(r"(.+?) \((.+)\)")
_QID = re.compile(r"Q[1-9][0-9]*")
_SECTOR_WORDS = (
    ("MIL", ("military", "army", "armed forces", "navy", "air force", "defense", "defence")),
    ("COP", ("police", "law enforcement")),
    ("LEG", ("parliament", "legislative", "legislature", "congress", "senate")),
    ("JUD", ("court", "judiciary", "judicial")),
    ("GOV", ("government", "executive", "cabinet", "ministry", "foreign affairs", "head of state", "president")),
)


def _sector_code(sector: str) -> str:
    """The CAMEO type code of an ICEWS sector name ("Military (Colombia)" -> MIL), or "" for a group."""
    low = sector.lower()
    for code, words in _SECTOR_WORDS:
        if any(w in low for w in words):
            return code
    return ""


def _title(name: str) -> str:
    """GDELT writes names in capitals: "UNITED NATIONS" -> "United Nations"."""
    return name.title() if name.isupper() else name


@lru_cache(maxsize=1)
def _people() -> People:
    from graph.extract.people import load_people

    return load_people()


@lru_cache(maxsize=1)
def actor_codes() -> ActorCodes:
    """The shared table (reading the gazetteer costs a fraction of a second)."""
    return ActorCodes()
