"""Mentions -> actors, over the whole article.

No single NER label is trusted (the small model tags "Trump" ORG and "Petro" GPE): the
gazetteer decides states, capitals, demonyms, agencies and organisations; persons are built
from every place a name appears (NER PERSON spans, names after titles, names in apposition)
and each later surname, first name, title-only phrase ("the Colombian president") or safe
pronoun is linked to them. State bodies ("Colombia's cabinet", "the Iraqi foreign ministry"),
national groups ("Syrian rebels") and relatives ("Petro's relatives") become actors of their own.
"""

from __future__ import annotations

from datetime import date

from graph import ids
from graph.extract.nlp import Doc
from graph.extract.resolve.base import ActorRec, KinUse, Resolved, TitleUse, _state_key, _strip
from graph.extract.resolve.descriptions import DescriptionPasses
from graph.extract.resolve.nationality import CONTEXT_SKIP_RULES, context_nationality
from graph.extract.resolve.organisations import OrganisationPasses
from graph.extract.resolve.persons import PersonPasses
from graph.extract.resolve.places import PlacePasses
from graph.extract.resolve.words import REGION_WORDS
from graph.model import ActorKind

# nouns after a city's name that make it a treaty's or a process's name ("the Vienna Convention")
TREATY_NOUNS = {
    "convention",
    "conventions",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "agreements",
    "protocol",
    "declaration",
    "process",
    "format",
    "consensus",
    "charter",
    "principles",
    "group",  # "the Minsk Group", "the Lima Group": states named after a city, not that city's state
}
# words a state's long name shares with others: "Democratic Republic of the Congo" is told by "Congo" alone
GENERIC_NAME_WORDS = {"democratic", "republic", "of", "the", "dr", "people's", "federal", "state", "kingdom"}
# a continent or macro-region is an actor only as a clause's subject or object
AREA_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}

__all__ = [
    "CONTEXT_SKIP_RULES",
    "ActorRec",
    "KinUse",
    "Resolved",
    "Resolver",
    "TitleUse",
    "_state_key",
    "context_nationality",
]


class Resolver(PlacePasses, PersonPasses, DescriptionPasses, OrganisationPasses):
    """Resolves the actors of docs made by one pipeline (holds its phrase matchers)."""

    # -- entry point -------------------------------------------------------------------------
    def resolve(self, doc: Doc, published: date | None = None) -> Resolved:
        r = Resolved(doc=doc, published=published, token_actor=[None] * len(doc))
        self._gazetteer(doc, r)
        self._communities(doc, r)
        self._places(doc, r)
        title_spans = self._title_spans(doc, r)
        self._persons(doc, r, title_spans)
        self._titles(doc, r, title_spans)
        self._appositions(doc, r)
        self._known_nationality(r)
        self._descriptions(doc, r)
        self._pronouns(doc, r)
        self._kinship(doc, r)
        self._bodies(doc, r)
        self._groups(doc, r)
        self._organisations(doc, r)
        return r

    # -- passes ----------------------------------------------------------------------------
    def _gazetteer(self, doc: Doc, r: Resolved) -> None:
        for ent in doc.ents:
            eid = ent.ent_id_
            if not eid:
                continue
            prefix, _, code = eid.partition(":")
            entry = self.gaz.state(code) if prefix in ("demonym", "capital") else self.gaz.entries.get(eid)
            if entry is None or (eid in self.gaz.areas and ent.root.dep_ not in AREA_ARGUMENT_DEPS):
                continue  # "in Africa", "Africa's Great Lakes": a setting; "ripples hit Latin America": an actor
            start, end = _strip(ent)
            if prefix == "capital" and end < len(doc) and doc[end].lower_ in TREATY_NOUNS:
                continue  # "the Vienna Convention", "the Minsk agreements": a treaty's name, no actor
            if prefix == "capital" and start < end and self._capital_venue(doc, r, start, end, entry):
                continue
            rec = self._entry_actor(r, entry)
            if start < end:
                rec.aliases.add(doc[start:end].text)
                self._mark(r, start, end, rec.key)
                if entry.kind is ActorKind.SITE and entry.state and (home := self.state_actor(r, entry.state)):
                    r.place_state[rec.key] = home  # "the White House said": the seat stands for its state
        self._short_state_names(r)

    def _short_state_names(self, r: Resolved) -> None:
        """A state named only by one word that is part of another named state's full name is that state:
        after "the Democratic Republic of the Congo", a bare "Congo" is the same country, not its
        neighbour the Republic of the Congo."""
        states = {k: a for k, a in r.actors.items() if a.kind is ActorKind.STATE}
        if len(states) < 2:
            return
        spans: dict[str, list[tuple[int, int]]] = {}
        for s, e, k in r.mention_spans():
            if k in states:
                spans.setdefault(k, []).append((s, e))
        written = {k: {" ".join(r.doc[s:e].text.split()) for s, e in where} for k, where in spans.items()}
        # the one distinctive word of each multi-word name the article itself writes ("DR Congo", "Democratic
        # Republic of Congo": Congo); "South Sudan" has two ("Sudan" after it is Sudan, its neighbour)
        cores = {
            k: {core.pop() for name in names if " " in name and len(core := _distinctive(name)) == 1}
            for k, names in written.items()
        }
        for key, where in spans.items():
            where = [(s, e) for s, e in where if r.at(s) == key]  # not already read as another state
            if not where:
                continue
            surfaces = {" ".join(r.doc[s:e].text.split()) for s, e in where}
            if any(" " in t for t in surfaces):
                continue
            hosts = {other for other in cores if other != key and surfaces & cores[other]}
            if len(hosts) == 1:
                host = hosts.pop()
                for s, e in where:
                    self._mark(r, s, e, host, force=True)
                states[host].aliases |= surfaces

    def _communities(self, doc: Doc, r: Resolved) -> None:
        """ "ethnic Albanians in south Serbia", "Kurds of northern Iraq": people named by a demonym who live in
        another state are a group of that state, not the state of the demonym."""
        for ent in doc.ents:
            prefix, _, _code = ent.ent_id_.partition(":")
            if prefix != "demonym" or len(ent) != 1 or not ent.text.endswith("s"):
                continue
            tok = ent[0]
            if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i:
                continue
            k = ent.end
            if k >= len(doc) or doc[k].lower_ not in ("in", "of"):
                continue
            k += 1
            while k < len(doc) and doc[k].lower_ in REGION_WORDS:
                k += 1
            home = r.at(k) if k < len(doc) else None
            own = r.at(tok.i)
            if home is None or home == own or r.actors[home].kind is not ActorKind.STATE or not doc[k].ent_id_:
                continue
            if not doc[k].ent_id_.startswith("state:"):
                continue
            state = r.actors[home]
            name = f"{tok.text} in {state.name}"
            rec = self._add(
                r, ActorRec(ids.actor_key(ActorKind.GROUP, name), ActorKind.GROUP, name, {tok.text}, nationality=home)
            )
            self._mark(r, tok.i, tok.i + 1, rec.key, force=True)


def _distinctive(name: str) -> set[str]:
    """The words of a state's name that tell it apart ("DR Congo": Congo; "South Sudan": South and Sudan)."""
    return {w for w in name.split() if w.lower() not in GENERIC_NAME_WORDS}
