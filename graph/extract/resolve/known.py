"""Known people: the packaged dictionary of office holders (``graph/extract/people.py``) read into an article.

* A name the dictionary knows is a person whatever the NER says ("Erdogan" tagged as a place), and a
  surname alone takes the dictionary's full name ("Erdogan" is "Recep Tayyip Erdoğan") when exactly
  one person of that name held office within a few years of the article's date.
* A person the article gives no nationality takes the state of the role held at the article's date.
* A title with a state but no name ("Colombia's foreign minister") is the holder of that office on
  the article's date, when the dictionary knows exactly one.
"""

from __future__ import annotations

from datetime import date

from graph import ids
from graph.extract.gazetteer import Title
from graph.extract.nlp import Doc
from graph.extract.people import People, Person, load_people
from graph.extract.resolve.base import ActorRec, Resolved, ResolverBase, _strip
from graph.extract.resolve.words import NOT_NAMES
from graph.model import ActorKind

RECENT_YEARS = 8  # a surname alone names a dictionary person only if they held office this close to the article
NAME_LABELS = {"PERSON", "GPE", "ORG", "NORP", "LOC"}
# gazetteer title -> the dictionary's office
OFFICE_OF_TITLE = {
    "president": "head_of_state",
    "king": "head_of_state",
    "queen": "head_of_state",
    "emir": "head_of_state",
    "sultan": "head_of_state",
    "prime minister": "head_of_government",
    "chancellor": "head_of_government",
    "foreign minister": "foreign_minister",
    "secretary of state": "foreign_minister",
    "defense minister": "defence_minister",
    "finance minister": "finance_minister",
    "secretary-general": "igo_head",
}


class KnownPeoplePasses(ResolverBase):
    """Reads the dictionary of office holders into the persons of an article."""

    @property
    def people(self) -> People:
        return load_people()

    def known(self, surface: str, at: date | None) -> Person | None:
        """The one dictionary person a surface names, active near ``at`` for a one-word surface."""
        found = self.people.by_name(surface)
        if len(found) != 1:
            return None
        person = found[0]
        if " " in surface.strip() or at is None:
            return person
        recent = any(
            (role.end is None or role.end.year >= at.year - RECENT_YEARS)
            and (role.start is None or role.start.year <= at.year + 1)
            for role in person.roles
            if role.dated
        )
        return person if recent else None

    def _known_names(
        self, doc: Doc, r: Resolved, names: dict[str, list[tuple[int, int]]], votes: dict[str, int]
    ) -> None:
        """Entities the NER did not call persons but the dictionary knows are persons' names."""
        for ent in doc.ents:
            if ent.ent_id_ or ent.label_ not in NAME_LABELS or ent.label_ == "PERSON":
                continue
            a, b = _strip(ent)
            if b <= a or any(r.at(i) for i in range(a, b)):
                continue
            text = " ".join(doc[a:b].text.split())
            if text in NOT_NAMES or not text[:1].isupper() or self.known(text, r.published) is None:
                continue
            names.setdefault(text, []).append((a, b))
            votes[text] = votes.get(text, 0) + 1

    def _canonical(self, surface: str, r: Resolved) -> str:
        """The full name of a person the article names by surname only ("Erdogan")."""
        if " " in surface:
            return surface
        person = self.known(surface, r.published)
        return person.name if person else surface

    def _known_nationality(self, r: Resolved) -> None:
        for rec in list(r.actors.values()):
            if rec.kind is not ActorKind.PERSON or rec.nationality:
                continue
            person = self.known(rec.name, r.published)
            iso3 = self.people.nationality(person, r.published) if person else None
            if iso3:
                rec.nationality = self.state_actor(r, iso3)

    def _office_holder(self, doc: Doc, r: Resolved, title: Title, state: str | None, s: int, e: int) -> bool:
        """ "Colombia's foreign minister" with nobody named: the holder on the article's date."""
        office = OFFICE_OF_TITLE.get(title.title)
        iso3 = r.actors[state].iso3 if state else None
        if office is None or iso3 is None or r.published is None:
            return False
        person = self.people.holder(iso3, office, r.published)
        if person is None:
            return False
        key = ids.actor_key(ActorKind.PERSON, person.name)
        rec = self._add(r, ActorRec(key, ActorKind.PERSON, person.name, {person.name, doc[s:e].text}))
        rec.nationality = rec.nationality or state
        self._mark(r, s, e, rec.key)
        return True
