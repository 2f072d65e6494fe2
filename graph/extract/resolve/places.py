"""Places: cities, provinces, seas and sites are Locations, not people, organisations or states.

Three cues, each enough on its own:

* a known place name (GeoNames cities, ISO 3166-2 subdivisions, in the packaged ``places.json``)
  tagged as a place by the NER, or, for a province or a city of 200,000+, tagged as a person or
  organisation but standing alone ("seized Goma", never "Jackson" inside "Andrew Jackson");
* a locative context: "in", "at", "near", "outside" before it, or "the city of", "the village of";
  a capital there is the venue ("talks in Doha"), while a capital doing or suffering something
  stands for its government and stays its state ("Ottawa expelled six diplomats");
* a name ending in a place noun ("Essequibo Region", "Second Thomas Shoal", "South China Sea").

Continents and macro-regions ("Africa", "the Middle East") are neither places of an event nor actors.
"""

from __future__ import annotations

from graph import ids
from graph.extract.gazetteer import Entry
from graph.extract.nlp import Doc, Token, lex_columns, token_columns
from graph.extract.people import load_people
from graph.extract.resolve.base import ActorRec, Resolved, ResolverBase, _prose, _strip
from graph.extract.resolve.words import NOT_NAMES, POSSESSIVE
from graph.model import ActorKind

GUESSED_PLACE = 0.7  # kind confidence of a place no gazetteer knows, read from the NER and "in ..."
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "within", "throughout", "across"}
# "the city of Rafah", "the capital, Doha": a common noun naming what kind of place follows
PLACE_NOUNS = {"city", "capital", "town", "village", "province", "region", "district", "port", "municipality"}
PLACE_HEADS = {
    "Region",
    "Province",
    "Sea",
    "Shoal",
    "Strait",
    "Base",
    "Palace",
    "Island",
    "Islands",
    "Peninsula",
    "Bay",
    "Valley",
    "Desert",
    "Square",
    "Airport",
    "Harbour",
    "Harbor",
    "Corridor",
    "Canal",
    "Lake",
    "River",
    "Mountains",
    "Heights",
    "Strip",
    "Oblast",
    "Governorate",
}
DC_FORMS = {"DC", "D.C.", "D.C"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "NORP"}


class PlacePasses(ResolverBase):
    """The passes that make Locations of place names."""

    def _locative(self, doc: Doc, start: int) -> bool:
        """Whether the phrase at ``start`` is a venue: "in Paris", "at the White House", "the city of Rafah"."""
        j = start - 1
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 0:
            return False
        word = doc[j].lower_
        if word in LOCATIVE_PREPS:
            return True
        if word == "of" and j >= 1 and doc[j - 1].lower_ in PLACE_NOUNS:
            return True
        return word == "," and j >= 1 and doc[j - 1].lower_ in PLACE_NOUNS  # "the capital, Doha"

    def _place(self, r: Resolved, name: str, surface: str, start: int, end: int) -> ActorRec:
        rec = self._add(r, ActorRec(ids.actor_key(ActorKind.SITE, name), ActorKind.SITE, name, {surface}))
        self._mark(r, start, end, rec.key, force=True)
        return rec

    def _capital_venue(self, doc: Doc, r: Resolved, start: int, end: int, state: Entry) -> bool:
        """A capital in a locative context is the city, not its government: "talks in Doha"."""
        name = doc[start:end].text
        tail = end
        if tail < len(doc) and doc[tail].text in DC_FORMS:  # "Washington DC"
            name, tail = f"{name}, D.C.", tail + 1
        elif tail + 1 < len(doc) and doc[tail].text == "," and doc[tail + 1].text in DC_FORMS:
            name, tail = f"{name}, D.C.", tail + 2
        elif not self._locative(doc, start):
            return False
        place = self._place(r, name, doc[start:tail].text, start, tail)
        r.place_state[place.key] = self._entry_actor(r, state).key
        return True

    def _places(self, doc: Doc, r: Resolved) -> None:
        self._named_places(doc, r)
        self._capital_nouns(doc, r)
        known = self.gaz.places
        ents = [e for e in doc.ents if e.label_ in PLACE_LABELS or e.label_ in NAME_LABELS]
        person_words = {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        for ent in ents:
            if ent.ent_id_ and not ent.ent_id_.startswith("place:"):
                continue
            a, b = _strip(ent)
            while a < b and doc[a].lower_ == "the":
                a += 1
            if b <= a or any(r.at(i) for i in range(a, b)) or not doc[a].text[:1].isupper():
                continue
            text = " ".join(doc[a:b].text.split())
            if text in NOT_NAMES:
                continue
            is_known = text in known or ent.ent_id_.startswith("place:")
            locative = self._locative(doc, a) and not _modifier(doc, b)
            if not locative and (text in person_words or (b - a == 1 and len(load_people().by_name(text)) == 1)):
                place = False  # "Carney said", after "Mark Carney" or known as a leader: the man, not the town
            elif ent.label_ in PLACE_LABELS:
                place = is_known or (locative and _prose(doc, a))
            elif ent.label_ in NAME_LABELS:
                major = text in self.gaz.major_places
                place = is_known and (locative or (major and len(ent) == 1 and text not in person_words))
            if place:
                rec = self._known_place(r, text, a, b)
                if not is_known:
                    rec.kind_confidence = min(rec.kind_confidence, GUESSED_PLACE)  # the NER's and the context's word
        self._unlabelled_places(doc, r)

    def _known_place(self, r: Resolved, text: str, a: int, b: int) -> ActorRec:
        rec = self._place(r, text, text, a, b)
        iso3 = self.gaz.places.get(text)
        if iso3 and rec.key not in r.place_state and (state := self.state_actor(r, iso3)):
            r.place_state[rec.key] = state  # "exercises in Alaska": in the United States
        return rec

    def _unlabelled_places(self, doc: Doc, r: Resolved) -> None:
        """Known places the NER left out, where the words before say a place follows ("in Rafah", "the city
        of Rafah"): the longest run of up to three capitalised words that the gazetteer knows."""
        words = token_columns(doc)[0]
        for i, w in enumerate(words):
            if not w.istitle() or r.at(i) or doc[i].ent_type_ or not self._locative(doc, i):
                continue  # most tokens: no Token object built past the first test
            for b in range(min(len(doc), i + 3), i, -1):
                text = " ".join(words[i:b])
                if text in self.gaz.places and not any(r.at(k) for k in range(i, b)) and not _modifier(doc, b):
                    self._known_place(r, text, i, b)
                    break

    def _capital_nouns(self, doc: Doc, r: Resolved) -> None:
        """ "the North Korean capital", "Russia's capital": that state's capital city, as a place."""
        lowers = lex_columns(doc)[0]
        for i in (i for i, w in enumerate(lowers) if w == "capital"):
            if r.at(i) or i == 0:
                continue
            j = i - 1
            if doc[j].text in POSSESSIVE and j > 0:
                j -= 1
            state = r.at(j)
            if state is None or r.actors[state].kind is not ActorKind.STATE:
                continue
            cities = self.gaz.capitals.get(r.actors[state].iso3 or "", ())
            nxt = i + 1
            if (
                not cities
                or (nxt < len(doc) and doc[nxt].text[:1].isupper())
                or (nxt + 1 < len(doc) and doc[nxt].text == "," and r.at(nxt + 1))
            ):
                continue  # no capital known, or the text names it ("the capital, Doha")
            place = self._place(r, cities[0], doc[i].text, i, i + 1)
            r.place_state[place.key] = state

    def _named_places(self, doc: Doc, r: Resolved) -> None:
        """ "the South China Sea", "Pituffik Space Base": capitalised words ending in a place noun."""
        n = len(doc)
        words = token_columns(doc)[0]
        for i in (i for i, w in enumerate(words) if w in PLACE_HEADS):  # most docs: none, no Token built
            if i == 0 or r.at(i):
                continue
            s = i
            while s > 0 and _capitalised(doc[s - 1]) and not _holder(r, s - 1) and i - s < 4:
                s -= 1
            if s == i:
                continue
            e = i + 1
            if e + 1 < n and doc[e].lower_ == "of" and _capitalised(doc[e + 1]):  # "Strait of Hormuz"
                e += 2
            self._place(r, " ".join(doc[s:e].text.split()), doc[s:e].text, s, e)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and tok.text not in NOT_NAMES


def _modifier(doc: Doc, end: int) -> bool:
    """Whether the name ending before ``end`` only qualifies a noun after it ("in the Nijjar murder case")."""
    last = doc[end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end


def _holder(r: Resolved, i: int) -> bool:
    """A token already naming a person or organisation (not a state: "South China Sea" names a sea)."""
    key = r.at(i)
    return key is not None and r.actors[key].kind not in (ActorKind.STATE, ActorKind.SITE)
