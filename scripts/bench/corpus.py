"""Deterministic generator of event-shaped corpora in the real diplograph model, as N-Quads.

    python scripts/bench/corpus.py --triples 100000 --out corpus-100k.nq

The corpus is built from :mod:`graph.model` objects and turned into quads by
:func:`graph.triples.source_batch`, the same code that writes extracted and curated data, so it
has exactly the package's IRI scheme and properties (``graph.ids``), with no copy of them here:

* ``graph/reference``: states (real ISO 3166 codes and names), persons with nationality, posts and
  tenures (heads of state, foreign and defence ministers; successive holders, the earliest with no
  start date, ended ones with an end date), agencies with ``dip:agencyOf`` and sub-agencies with
  ``org:subOrganizationOf`` (written as one curated extraction, as a curated file would be: so
  each tenure also gets an asserted claim, and the reference data its own article record in meta);
* ``graph/meta``: one article per report (title, publisher, issue date, URL, text hash), outlets,
  the extractor, one extraction run and one ``dip:SourceGraph`` record per article graph;
* one named graph per article: its sentences (offsets into the article's real text), the actors it
  names, its events (``dip:Interaction`` / ``dip:Event`` with a real CAMEO ``dip:eventType``,
  ``dip:actor``/``dip:target`` or ``dip:participant``, date bounds and precision) and one
  ``dip:Claim`` per (sentence, content node) with modality, claimant, confidence and provenance.
  Some events are planned (future date, ``mod:planned``), alleged, hypothetical or denied; some are
  reported again by later articles (same event IRI, so several source graphs);
  a few articles are sanction stories (designation event CAMEO 163, one ``dip:Sanction`` per
  target, a stated-reason ``dip:Proposition`` alleged by the imposer and denied by the target,
  accusation and denial events), and later articles (from any outlet, often another publisher)
  assert the same sanction and reason, so that the analyst queries "who sanctioned whom" and
  "contradicted claims" have answers.

Actor popularity is Zipf-like (the first states of the list are hubs: the United States first).
Everything comes from one seeded ``random.Random`` and the article index; nothing depends on the
clock, so the same arguments give the same file byte for byte. Generation stops at the first
article that brings the quad count to the target, so sizes land within a fraction of a percent.
A sidecar ``<out>.meta.json`` records the counts and suggested query parameters (hub states, the
busiest outlet, a dense period).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from graph import ids
from graph.model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Extraction,
    Extractor,
    Fact,
    FactKind,
    Modality,
    Proposition,
    Sanction,
)
from graph.triples import source_batch

# ISO 3166-1 alpha-3, alpha-2, English short name. Order = popularity rank (hubs first).
STATES: tuple[tuple[str, str, str], ...] = (
    ("USA", "US", "United States"),
    ("CHN", "CN", "China"),
    ("RUS", "RU", "Russia"),
    ("GBR", "GB", "United Kingdom"),
    ("FRA", "FR", "France"),
    ("DEU", "DE", "Germany"),
    ("IRN", "IR", "Iran"),
    ("ISR", "IL", "Israel"),
    ("UKR", "UA", "Ukraine"),
    ("IND", "IN", "India"),
    ("JPN", "JP", "Japan"),
    ("TUR", "TR", "Turkey"),
    ("COL", "CO", "Colombia"),
    ("VEN", "VE", "Venezuela"),
    ("BRA", "BR", "Brazil"),
    ("MEX", "MX", "Mexico"),
    ("SAU", "SA", "Saudi Arabia"),
    ("PAK", "PK", "Pakistan"),
    ("KOR", "KR", "South Korea"),
    ("PRK", "KP", "North Korea"),
    ("SYR", "SY", "Syria"),
    ("EGY", "EG", "Egypt"),
    ("ITA", "IT", "Italy"),
    ("ESP", "ES", "Spain"),
    ("CAN", "CA", "Canada"),
    ("AUS", "AU", "Australia"),
    ("ARG", "AR", "Argentina"),
    ("CUB", "CU", "Cuba"),
    ("POL", "PL", "Poland"),
    ("QAT", "QA", "Qatar"),
    ("ARE", "AE", "United Arab Emirates"),
    ("IRQ", "IQ", "Iraq"),
    ("AFG", "AF", "Afghanistan"),
    ("NGA", "NG", "Nigeria"),
    ("ZAF", "ZA", "South Africa"),
    ("ETH", "ET", "Ethiopia"),
    ("KEN", "KE", "Kenya"),
    ("IDN", "ID", "Indonesia"),
    ("PHL", "PH", "Philippines"),
    ("VNM", "VN", "Vietnam"),
    ("THA", "TH", "Thailand"),
    ("MYS", "MY", "Malaysia"),
    ("PER", "PE", "Peru"),
    ("CHL", "CL", "Chile"),
    ("ECU", "EC", "Ecuador"),
    ("BOL", "BO", "Bolivia"),
    ("PAN", "PA", "Panama"),
    ("NIC", "NI", "Nicaragua"),
    ("HND", "HN", "Honduras"),
    ("GTM", "GT", "Guatemala"),
    ("NLD", "NL", "Netherlands"),
    ("BEL", "BE", "Belgium"),
    ("SWE", "SE", "Sweden"),
    ("NOR", "NO", "Norway"),
    ("FIN", "FI", "Finland"),
    ("GRC", "GR", "Greece"),
    ("HUN", "HU", "Hungary"),
    ("SRB", "RS", "Serbia"),
    ("BLR", "BY", "Belarus"),
    ("GEO", "GE", "Georgia"),
    ("ARM", "AM", "Armenia"),
    ("AZE", "AZ", "Azerbaijan"),
    ("KAZ", "KZ", "Kazakhstan"),
    ("LBN", "LB", "Lebanon"),
    ("JOR", "JO", "Jordan"),
    ("YEM", "YE", "Yemen"),
    ("LBY", "LY", "Libya"),
    ("SDN", "SD", "Sudan"),
    ("MAR", "MA", "Morocco"),
    ("DZA", "DZ", "Algeria"),
)

# (CAMEO code, weight, symmetric?, verb phrase for the sentence)
EVENT_TYPES: tuple[tuple[str, int, bool, str], ...] = (
    ("010", 12, False, "made a statement on"),
    ("012", 2, False, "was pessimistic about"),
    ("013", 2, False, "was optimistic about"),
    ("020", 4, False, "appealed to"),
    ("030", 4, False, "offered to cooperate with"),
    ("036", 5, False, "proposed a meeting with"),
    ("040", 6, True, "held consultations with"),
    ("041", 4, True, "spoke by telephone with"),
    ("042", 5, False, "visited"),
    ("043", 5, False, "hosted"),
    ("044", 3, True, "met in a third country with"),
    ("046", 4, True, "negotiated with"),
    ("051", 5, False, "praised"),
    ("057", 3, True, "signed an agreement with"),
    ("061", 2, False, "agreed economic cooperation with"),
    ("071", 2, False, "provided economic aid to"),
    ("081", 1, False, "eased sanctions on"),
    ("111", 5, False, "criticised"),
    ("112", 4, False, "accused"),
    ("120", 4, False, "rejected demands of"),
    ("125", 1, False, "rejected talks with"),
    ("130", 3, False, "threatened"),
    ("138", 1, False, "threatened military action against"),
    ("172", 1, False, "imposed administrative sanctions on"),
    ("173", 1, False, "arrested citizens of"),
    ("190", 1, False, "launched military strikes against"),
)
PLANNABLE = ("036", "040", "042", "043", "044", "046", "057")

FIRST = (
    "Amara",
    "Boris",
    "Carmen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemal",
    "Leila",
    "Marco",
    "Nadia",
    "Omar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sergei",
    "Tariq",
    "Ursula",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zara",
    "Andres",
    "Beatriz",
    "Chen",
    "Daniela",
    "Emil",
    "Fatima",
    "Gustav",
    "Hana",
    "Ivan",
    "Julia",
    "Karim",
    "Lucia",
    "Mateo",
    "Nora",
    "Oskar",
    "Paula",
    "Rafael",
    "Sofia",
    "Tomas",
    "Valeria",
    "William",
    "Yara",
    "Aiko",
    "Bruno",
)
LAST = (
    "Alvarez",
    "Brandt",
    "Castillo",
    "Demir",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreno",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahman",
    "Santos",
    "Tanaka",
    "Urbina",
    "Vargas",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Abadi",
    "Bauer",
    "Cohen",
    "Duarte",
    "Esposito",
    "Fernandes",
    "Gomez",
    "Horvat",
    "Iqbal",
    "Jimenez",
    "Khan",
    "Lopez",
    "Mendes",
    "Novak",
    "Ortega",
    "Pereira",
    "Rossi",
    "Silva",
    "Torres",
    "Uribe",
    "Volkov",
    "Wagner",
    "Yamamoto",
    "Zapata",
)
OUTLET_WORDS = (
    "Courier",
    "Herald",
    "Wire",
    "Dispatch",
    "Observer",
    "Monitor",
    "Gazette",
    "Tribune",
    "Post",
    "Chronicle",
    "Review",
    "Ledger",
)
PLACE_WORDS = (
    "Harbor",
    "Northern",
    "Capital",
    "Coastal",
    "Global",
    "Evening",
    "Morning",
    "Continental",
    "Metropolitan",
    "Frontier",
    "Atlantic",
    "Pacific",
    "Central",
    "Eastern",
    "Western",
)
MINISTRIES = ("Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of Finance", "Ministry of Justice")
SUB_AGENCIES = (
    "Sanctions Office",
    "Intelligence Directorate",
    "Customs Service",
    "Anti-Narcotics Agency",
    "Export Control Bureau",
    "Consular Service",
)
REASONS = (
    "ties to drug trafficking",
    "corruption",
    "human rights abuses",
    "cyber attacks",
    "weapons proliferation",
    "money laundering",
    "election interference",
)

START = date(2016, 1, 1)
END = date(2026, 6, 30)
SPAN = (END - START).days
EXTRACTOR = Extractor("bench-extractor", "1.0", model="synthetic")
QUADS_PER_ARTICLE = 111.0  # calibration for spreading publication dates (measured on the output)


@dataclass
class Post:
    state: str
    title: str
    roles: tuple[str, ...]
    tenures: list[tuple[str, date | None, date | None]] = field(default_factory=list)  # holder, start, end


@dataclass
class World:
    """The reference data: who exists and who held which post when."""

    states: list[Actor]
    persons: dict[str, Actor]
    agencies: dict[str, list[Actor]]  # by state key
    groups: dict[str, Actor]
    posts: list[Post]
    by_state: dict[str, dict[str, Post]]  # state key -> title -> post
    citizens: dict[str, list[str]]  # state key -> non-official persons
    facts: list[Fact]


@dataclass
class Stats:
    quads: int = 0
    articles: int = 0
    events: int = 0
    claims: int = 0
    sanctions: int = 0
    rereported: int = 0
    planned: int = 0
    outlet_articles: dict[str, int] = field(default_factory=dict)
    quarter_events: dict[str, int] = field(default_factory=dict)


class Generator:
    """Builds the reference extraction and then one extraction per article."""

    def __init__(self, target: int, seed: int) -> None:
        self.target = target
        self.rng = random.Random(seed)
        self.names: set[str] = set()
        n_states = max(10, min(len(STATES), target // 2500))
        self.world = self._world(n_states)
        self.state_weights = [1.0 / (rank + 1) for rank in range(n_states)]
        n_outlets = max(5, min(60, target // 15000))
        self.outlets = [self._outlet_name(i) for i in range(n_outlets)]
        self.outlet_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(n_outlets)]
        self.reported: list[Event] = []  # events later articles may report again
        self.stories: list[tuple[Event, list[Sanction], Proposition, str]] = []  # sanction stories
        self.actor_index: dict[str, Actor] = {a.key: a for a in self.world.states}
        self.actor_index.update(self.world.persons)
        self.actor_index.update(self.world.groups)
        for agencies in self.world.agencies.values():
            self.actor_index.update({a.key: a for a in agencies})

    # -- reference ---------------------------------------------------------------------------
    def _person_name(self) -> str:
        rng = self.rng
        for _ in range(1000):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name in self.names:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("ran out of person names")

    def _outlet_name(self, i: int) -> str:
        place = PLACE_WORDS[i % len(PLACE_WORDS)]
        word = OUTLET_WORDS[(i // len(PLACE_WORDS)) % len(OUTLET_WORDS)]
        cycle = i // (len(PLACE_WORDS) * len(OUTLET_WORDS))
        return f"The {place} {word}" + (f" {cycle + 1}" if cycle else "")

    def _world(self, n_states: int) -> World:
        rng = self.rng
        states = [
            Actor(iso3, ActorKind.STATE, name, iso2=iso2, iso3=iso3, cameo_code=iso3)
            for iso3, iso2, name in STATES[:n_states]
        ]
        persons: dict[str, Actor] = {}
        agencies: dict[str, list[Actor]] = {}
        posts: list[Post] = []
        by_state: dict[str, dict[str, Post]] = {}
        citizens: dict[str, list[str]] = {}
        facts: list[Fact] = []
        big = self.target >= 100_000
        titles: list[tuple[str, tuple[str, ...]]] = [
            ("President", ("headOfState", "headOfGovernment")),
            ("Minister of Foreign Affairs", ("foreignMinister", "minister")),
        ]
        if big:
            titles.append(("Minister of Defence", ("minister",)))
        citizens_per_state = max(2, self.target // 40_000)
        for st in states:
            by_state[st.key] = {}
            for title, roles in titles:
                post = Post(st.key, title, roles)
                n_terms = 1 + rng.randrange(3 if big else 2)
                # successive terms ending at END; the first has no known start date
                bounds = sorted(rng.sample(range(200, SPAN - 200), n_terms - 1))
                starts: list[date | None] = [None] + [START + timedelta(days=b) for b in bounds]
                ends: list[date | None] = [START + timedelta(days=b - 1) for b in bounds] + [None]
                for start, end in zip(starts, ends, strict=True):
                    name = self._person_name()
                    p = Actor(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, nationality=st.key)
                    persons[p.key] = p
                    post.tenures.append((p.key, start, end))
                    facts.append(
                        Fact(
                            ids.tenure_key(p.key, ids.post_key(st.key, title), start.year if start else None),
                            FactKind.HOLDS_POST,
                            p.key,
                            st.key,
                            title=title,
                            roles=roles,
                            start=DateRange.day(start) if start else None,
                            end=DateRange.day(end) if end else None,
                            confidence=1.0,
                        )
                    )
                posts.append(post)
                by_state[st.key][title] = post
            citizens[st.key] = []
            for _ in range(citizens_per_state):
                name = self._person_name()
                p = Actor(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, nationality=st.key)
                persons[p.key] = p
                citizens[st.key].append(p.key)
            ministries = MINISTRIES if big else MINISTRIES[:2]
            agencies[st.key] = []
            for m in ministries:
                name = f"{m} of {st.name}"
                ag = Actor(ids.actor_key(ActorKind.AGENCY, name, state=st.key), ActorKind.AGENCY, name, part_of=st.key)
                agencies[st.key].append(ag)
            n_sub = rng.randrange(1, 4) if big else 1
            for sub in rng.sample(SUB_AGENCIES, n_sub):
                parent = rng.choice(agencies[st.key][: len(ministries)])
                name = f"{sub} of {st.name}"
                agencies[st.key].append(
                    Actor(
                        ids.actor_key(ActorKind.AGENCY, name, state=st.key),
                        ActorKind.AGENCY,
                        name,
                        aliases=(sub,),
                        part_of=parent.key,
                    )
                )
        return World(states, persons, agencies, {}, posts, by_state, citizens, facts)

    def reference(self) -> Extraction:
        w = self.world
        actors: list[Actor] = list(w.states) + list(w.persons.values())
        for agencies in w.agencies.values():
            actors.extend(agencies)
        article = Article(
            text="", id="bench-reference", title="Benchmark reference data (synthetic)", outlet="diplograph benchmark"
        )
        return Extraction(article, Extractor("curated", "1"), actors=tuple(actors), facts=tuple(w.facts))

    # -- articles ----------------------------------------------------------------------------
    def _state(self, exclude: str | None = None) -> Actor:
        while True:
            st = self.rng.choices(self.world.states, self.state_weights)[0]
            if st.key != exclude:
                return st

    def _holder(self, post: Post | None, on: date) -> str | None:
        if post is None:
            return None
        for holder, start, end in post.tenures:
            if (start is None or start <= on) and (end is None or end >= on):
                return holder
        return None

    def _side(self, st: Actor, on: date) -> str:
        """An actor acting for a state: the state, its head of state, a minister, an agency or a citizen."""
        r = self.rng.random()
        posts = self.world.by_state[st.key]
        if r < 0.40:
            return st.key
        if r < 0.70:
            return self._holder(posts.get("President"), on) or st.key
        if r < 0.82:
            title = self.rng.choice([t for t in posts if t != "President"])
            return self._holder(posts[title], on) or st.key
        if r < 0.95:
            return self.rng.choice(self.world.agencies[st.key]).key
        return self.rng.choice(self.world.citizens[st.key])

    def _window(self, published: date) -> DateRange:
        r = self.rng.random()
        if r < 0.75:
            return DateRange.day(published - timedelta(days=self.rng.randrange(0, 8)))
        if r < 0.90:
            d = published - timedelta(days=self.rng.randrange(0, 40))
            return DateRange.month(d.year, d.month)
        lo = published - timedelta(days=self.rng.randrange(20, 120))
        return DateRange.between(lo, published)

    def articles(self, remaining: int) -> Iterator[Extraction]:
        """Articles in publication order, spread over START..END for about ``remaining`` quads."""
        est = max(1.0, remaining / QUADS_PER_ARTICLE)
        i = 0
        while True:
            published = START + timedelta(days=min(SPAN, int(SPAN * i / est)))
            yield self._article(i, published)
            i += 1

    def _article(self, i: int, published: date) -> Extraction:
        rng = self.rng
        outlet_i = rng.choices(range(len(self.outlets)), self.outlet_weights)[0]
        outlet = self.outlets[outlet_i]
        text = _Text(f"Report {i}: diplomatic news of {published.isoformat()}")
        events: list[Event] = []
        sanctions: list[Sanction] = []
        propositions: list[Proposition] = []
        claims: list[Claim] = []
        used: set[str] = set()

        r = rng.random()
        if r < 0.04:
            self._sanction_story(text, published, events, sanctions, propositions, claims, used)
        elif r < 0.07 and self.stories:
            self._sanction_followup(text, events, sanctions, propositions, claims, used)
        n_events = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))
        for _ in range(n_events):
            if self.reported and rng.random() < 0.15:
                ev = self._rereport(text, published, claims, used)
                if ev is not None:
                    events.append(ev)
                    continue
            events.append(self._event(text, published, claims, used))
        article = Article(
            text=text.value(),
            id=f"bench-{i}",
            title=text.title,
            outlet=outlet,
            url=f"https://example.org/bench/{i}",
            published=published,
        )
        actors = tuple(self.actor_index[k] for k in sorted(used))
        return Extraction(
            article,
            EXTRACTOR,
            actors=_minimal(actors),
            events=tuple(events),
            sanctions=tuple(sanctions),
            propositions=tuple(propositions),
            claims=tuple(claims),
        )

    def _event(self, text: _Text, published: date, claims: list[Claim], used: set[str]) -> Event:
        rng = self.rng
        code, _, symmetric, verb = rng.choices(EVENT_TYPES, [t[1] for t in EVENT_TYPES])[0]
        sa = self._state()
        sb = self._state(exclude=sa.key)
        modality = Modality.ASSERTED
        claimant: str | None = None
        r = rng.random()
        if r < 0.05 and code in PLANNABLE:
            modality = Modality.PLANNED
            d = published + timedelta(days=rng.randrange(3, 45))
            window = DateRange.day(d)
        else:
            window = self._window(published)
            if r < 0.09:
                modality = Modality.ALLEGED
            elif r < 0.11:
                modality = Modality.HYPOTHETICAL
        a = self._side(sa, window.earliest)
        b = self._side(sb, window.earliest)
        if modality in (Modality.PLANNED, Modality.ALLEGED):
            claimant = b if modality is Modality.ALLEGED else a
        used.update((a, b))
        names = self.actor_index
        ev_sentence = text.add(f"{names[a].name} {verb} {names[b].name} ({window.iso()}).")
        key = ids.event_key(code, (a, b), window.earliest.isoformat(), window.latest.isoformat())
        event = Event(
            key=key,
            cameo=code,
            actors=() if symmetric else (a,),
            targets=() if symmetric else (b,),
            participants=(a, b) if symmetric else (),
            date=window,
            modality=modality,
            claimant=claimant,
            confidence=round(rng.uniform(0.55, 0.99), 2),
            evidence=ev_sentence,
        )
        if rng.random() < 0.25:  # a second sentence saying the same
            claims.append(
                Claim(
                    key,
                    modality,
                    claimant,
                    round(rng.uniform(0.55, 0.99), 2),
                    text.add(f"Officials confirmed that {names[a].name} {verb} {names[b].name}."),
                )
            )
        if modality is Modality.ASSERTED and rng.random() < 0.03:  # the actor denies it
            claims.append(
                Claim(
                    key,
                    Modality.DENIED,
                    a,
                    round(rng.uniform(0.6, 0.95), 2),
                    text.add(f"{names[a].name} denied that it {verb} {names[b].name}."),
                )
            )
        if modality is Modality.ASSERTED:
            self.reported.append(event)
            if len(self.reported) > 400:
                del self.reported[: len(self.reported) - 400]
        return event

    def _rereport(self, text: _Text, published: date, claims: list[Claim], used: set[str]) -> Event | None:
        """A later report of an earlier event: same IRI, this article's own claim (and sometimes a denial)."""
        rng = self.rng
        old = rng.choice(self.reported)
        if old.date is None or old.date.latest > published:
            return None
        everyone = old.everyone
        used.update(everyone)
        names = self.actor_index
        sentence = text.add(
            f"Earlier, {names[everyone[0]].name} and {names[everyone[-1]].name} were in the news ({old.date.iso()})."
        )
        modality = Modality.ASSERTED
        claimant: str | None = None
        if rng.random() < 0.15:
            modality, claimant = Modality.DENIED, everyone[0]
        return Event(
            key=old.key,
            cameo=old.cameo,
            actors=old.actors,
            targets=old.targets,
            participants=old.participants,
            date=old.date,
            modality=modality,
            claimant=claimant,
            confidence=round(rng.uniform(0.55, 0.99), 2),
            evidence=sentence,
        )

    def _sanction_story(
        self,
        text: _Text,
        published: date,
        events: list[Event],
        sanctions: list[Sanction],
        propositions: list[Proposition],
        claims: list[Claim],
        used: set[str],
    ) -> None:
        rng = self.rng
        imposer_state = self._state()
        imposer = imposer_state.key if rng.random() < 0.5 else rng.choice(self.world.agencies[imposer_state.key]).key
        target_state = self._state(exclude=imposer_state.key)
        pool = self.world.citizens[target_state.key] + [
            h for p in self.world.by_state[target_state.key].values() if (h := self._holder(p, published))
        ]
        targets = sorted(set(rng.sample(pool, min(len(pool), rng.randrange(1, 4)))))
        if rng.random() < 0.2:  # an unnamed collective, as in the seed
            head = targets[0]
            label = f"relatives of {self.actor_index[head].name}"
            group = Actor(ids.actor_key(ActorKind.GROUP, label), ActorKind.GROUP, label)
            self.actor_index[group.key] = group
            self.world.groups[group.key] = group
            targets = [group.key]
            denier = head
        else:
            denier = targets[0]
        used.update((imposer, denier, *targets))
        names = self.actor_index
        window = self._window(published) if rng.random() < 0.7 else DateRange.day(published)
        reason = rng.choice(REASONS)
        who = ", ".join(names[t].name for t in targets)
        s1 = text.add(f"{names[imposer].name} imposed sanctions on {who} ({window.iso()}) over {reason}.")
        s2 = text.add(f"{names[denier].name} denied the accusation of {reason}.")
        prop = Proposition(
            ids.proposition_key(f"{who} involved in {reason}", targets), f"{who} involved in {reason}", tuple(targets)
        )
        designation = Event(
            ids.event_key("163", (imposer, *targets), window.earliest.isoformat(), window.latest.isoformat()),
            "163",
            actors=(imposer,),
            targets=tuple(targets),
            date=window,
            topic=prop.key,
            confidence=0.9,
            evidence=s1,
        )
        accusation = Event(
            ids.event_key("1121", (imposer, *targets), window.earliest.isoformat(), window.latest.isoformat()),
            "1121",
            actors=(imposer,),
            targets=tuple(targets),
            date=window,
            topic=prop.key,
            confidence=0.8,
            evidence=s1,
        )
        denial_window = DateRange.between(window.earliest, published)
        denial = Event(
            ids.event_key(
                "016", (denier, imposer), denial_window.earliest.isoformat(), denial_window.latest.isoformat()
            ),
            "016",
            actors=(denier,),
            targets=(imposer,),
            date=denial_window,
            topic=prop.key,
            responds_to=accusation.key,
            confidence=0.85,
            evidence=s2,
        )
        program = f"BENCH-{imposer_state.key}-{rng.randrange(1, 30):02d}"
        story_sanctions = [
            Sanction(
                ids.sanction_key((imposer,), t, window.earliest.isoformat()),
                (imposer,),
                t,
                start=window,
                program=program if rng.random() < 0.7 else None,
                legal_basis=f"Executive order {rng.randrange(10000, 15000)}" if rng.random() < 0.5 else None,
                reason=prop.key,
                event=designation.key,
                confidence=0.9,
                evidence=s1,
            )
            for t in targets
        ]
        events.extend((designation, accusation, denial))
        sanctions.extend(story_sanctions)
        propositions.append(prop)
        claims.append(Claim(prop.key, Modality.ALLEGED, imposer, 0.85, s1))
        claims.append(Claim(prop.key, Modality.DENIED, denier, 0.9, s2))
        self.stories.append((designation, story_sanctions, prop, imposer))

    def _sanction_followup(
        self,
        text: _Text,
        events: list[Event],
        sanctions: list[Sanction],
        propositions: list[Proposition],
        claims: list[Claim],
        used: set[str],
    ) -> None:
        """Another outlet reports the same sanction and asserts its reason (the imposer's position)."""
        designation, story_sanctions, prop, imposer = self.rng.choice(self.stories)
        names = self.actor_index
        used.update((imposer, *designation.targets))
        s = text.add(f"{names[imposer].name} confirmed the sanctions, citing {prop.label}.")
        events.append(
            Event(
                designation.key,
                "163",
                actors=designation.actors,
                targets=designation.targets,
                date=designation.date,
                topic=prop.key,
                confidence=0.95,
                evidence=s,
            )
        )
        sanctions.extend(
            Sanction(
                sa.key,
                sa.imposers,
                sa.target,
                start=sa.start,
                program=sa.program,
                legal_basis=sa.legal_basis,
                reason=sa.reason,
                event=sa.event,
                claimant=imposer,
                confidence=0.95,
                evidence=s,
            )
            for sa in story_sanctions
        )
        propositions.append(prop)
        claims.append(Claim(prop.key, Modality.ASSERTED, imposer, 0.95, s))


class _Text:
    """An article's text, built sentence by sentence, with exact offsets for the evidence."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.parts: list[str] = [title, "\n"]
        self.length = len(title) + 1
        self.count = 0

    def add(self, sentence: str) -> Evidence:
        start = self.length
        self.parts.append(sentence + " ")
        self.length += len(sentence) + 1
        self.count += 1
        return Evidence(sentence, start, start + len(sentence), self.count)

    def value(self) -> str:
        return "".join(self.parts)


def _minimal(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """How an extractor describes actors in an article graph: kind, name and, for states, ISO codes."""
    return tuple(
        Actor(a.key, a.kind, a.name, iso2=a.iso2, iso3=a.iso3)
        if a.kind is ActorKind.STATE
        else Actor(a.key, a.kind, a.name)
        for a in actors
    )


def generate(target: int, out: TextIO, seed: int = 42) -> dict[str, object]:
    """Write about ``target`` quads of N-Quads to ``out``; returns counts and suggested parameters."""
    gen = Generator(target, seed)
    stats = Stats()
    seen_shared: set[str] = set()

    def write(extraction: Extraction, graph: str) -> None:
        batch = source_batch([extraction], graph)
        lines = []
        for q in batch.insert:
            line = q.nq()
            if q.graph is not None and q.graph.value == ids.META_GRAPH:
                if line in seen_shared:
                    continue
                seen_shared.add(line)
            lines.append(line)
        out.write("\n".join(lines))
        out.write("\n")
        stats.quads += len(lines)

    write(gen.reference(), ids.REFERENCE_GRAPH)
    for ex in gen.articles(target - stats.quads):
        if stats.quads >= target:
            break
        write(ex, ids.document_graph(ex.article.key, ex.extractor.name))
        stats.articles += 1
        stats.events += len(ex.events)
        stats.sanctions += len(ex.sanctions)
        stats.claims += len(ex.events) + len(ex.sanctions) + len(ex.claims)
        stats.planned += sum(1 for e in ex.events if e.modality is Modality.PLANNED)
        outlet = ids.iri(ids.actor_key(ActorKind.MEDIA, ex.article.outlet or ""))
        stats.outlet_articles[outlet] = stats.outlet_articles.get(outlet, 0) + 1
        for e in ex.events:
            if e.date is not None:
                q = f"{e.date.earliest.year}-Q{(e.date.earliest.month - 1) // 3 + 1}"
                stats.quarter_events[q] = stats.quarter_events.get(q, 0) + 1
    world = gen.world
    busiest_quarter = max(sorted(stats.quarter_events), key=lambda k: stats.quarter_events[k])
    year, quarter = int(busiest_quarter[:4]), int(busiest_quarter[-1])
    q_start = date(year, 3 * quarter - 2, 1)
    q_end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return {
        "target": target,
        "seed": seed,
        "quads": stats.quads,
        "articles": stats.articles,
        "events_reported": stats.events,
        "claims": stats.claims,
        "sanctions_reported": stats.sanctions,
        "planned_events": stats.planned,
        "states": len(world.states),
        "persons": len(world.persons),
        "agencies": sum(len(v) for v in world.agencies.values()),
        "groups": len(world.groups),
        "tenures": len(world.facts),
        "outlets": len(gen.outlets),
        "params": {
            "hub_state": ids.iri(world.states[0].key),
            "second_state": ids.iri(world.states[1].key),
            "busiest_outlet": max(sorted(stats.outlet_articles), key=lambda k: stats.outlet_articles[k]),
            "period": [q_start.isoformat(), q_end.isoformat()],
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, required=True, help="target number of quads (e.g. 10000, 1000000)")
    parser.add_argument("--out", required=True, help="N-Quads file to write ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.out == "-":
        info = generate(args.triples, sys.stdout, args.seed)
    else:
        path = Path(args.out)
        tmp = path.with_name(path.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="\n") as f:
            info = generate(args.triples, f, args.seed)
        tmp.replace(path)
        info["seconds"] = round(time.perf_counter() - started, 2)
        path.with_name(path.name + ".meta.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {info['quads']} quads ({info['articles']} articles, {info['events_reported']} event reports) "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
