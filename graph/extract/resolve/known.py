"""Known people: the packaged dictionary of office holders (``graph/extract/people.py``) read into an article.

* A name the dictionary knows is a person whatever the NER says ("Erdogan" tagged as a place), and a
  surname alone takes the dictionary's full name ("Erdogan" is "Recep Tayyip Erdoğan") when exactly
  one person of that name held office within a few years of the article's date; a name the NER or a
  title calls a person's may be a surname the dictionary has no alias for ("President Reagan").
* A person the article gives no nationality takes the state of the role held at the article's date.
* A title with a state but no name ("Colombia's foreign minister") is the holder of that office on
  the article's date, when the dictionary knows exactly one.
"""

from __future__ import annotations

from datetime import date

from graph import ids
from graph.extract.date_patterns import MONTHS, WEEKDAYS
from graph.extract.gazetteer import Title
from graph.extract.nlp import Doc, token_columns
from graph.extract.people import People, Person, load_people
from graph.extract.resolve.base import ActorRec, Resolved, ResolverBase, _strip
from graph.extract.resolve.words import NOT_NAMES
from graph.model import ActorKind

CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)  # "May", "August": dates, whoever bears the name
RECENT_YEARS = 8  # a surname alone names a dictionary person only if they held office this close to the article
NAME_LABELS = {"PERSON", "GPE", "ORG", "NORP", "LOC"}
NAME_TAGS = {"PROPN", "NOUN"}  # the small model tags a sentence-initial "Trump" a noun
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

    def known(self, surface: str, at: date | None, *, surname: bool = False) -> Person | None:
        """The one dictionary person a surface names, active near ``at`` for a one-word surface.

        With ``surname`` (the surface is a person's name by the NER or a title), a one-word surface the
        dictionary has no alias for may be a surname: "President Reagan" is Ronald Reagan when he is the
        one dictionary person of that surname (active near ``at``, when the article is dated).
        """
        one_word = " " not in surface.strip()
        found = self.people.by_name(surface)
        if not found and surname and one_word:
            found = [p for p in self.people.by_surname(surface) if at is None or self._recent(p, at)]
            # "Kim" is also the family name that starts "Kim Jong Un": no one person then
            found += [
                p for p in self.people.by_first_word(surface) if p not in found and (at is None or self._recent(p, at))
            ]
        if len(found) != 1:
            return None
        person = found[0]
        if not one_word or at is None:
            return person
        return person if self._recent(person, at) else None

    @staticmethod
    def _recent(person: Person, at: date) -> bool:
        """Whether ``person`` held a dated office within a few years of ``at``."""
        return any(
            (role.end is None or role.end.year >= at.year - RECENT_YEARS)
            and (role.start is None or role.start.year <= at.year + 1)
            for role in person.roles
            if role.dated
        )

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
        self._unlabelled_names(doc, r, names, votes)

    def _unlabelled_names(
        self, doc: Doc, r: Resolved, names: dict[str, list[tuple[int, int]]], votes: dict[str, int]
    ) -> None:
        """Proper nouns the NER left out or mislabelled ("Trump met ...", "Tebboune" as a date) that the
        dictionary knows: the longest run of up to three proper nouns that names one dictionary person."""
        words = token_columns(doc)[0]
        i = 0
        while i < len(doc):
            if not self._bare_name_token(doc, r, words, i):
                i += 1
                continue
            end = i
            while end < len(doc) and end - i < 3 and self._bare_name_token(doc, r, words, end):
                end += 1
            for b in range(end, i, -1):
                text = " ".join(doc[i:b].text.split())
                if text[:1].isupper() and text.lower() not in CALENDAR_WORDS and self.known(text, r.published):
                    names.setdefault(text, []).append((i, b))
                    votes[text] = votes.get(text, 0) + 1
                    i = b
                    break
            else:
                i += 1

    def _dictionary_spelling(self, name: str, at: date | None) -> str:
        """A full name as the dictionary spells it, so that every article names a person alike ("Kim Jong-un",
        "Lars Lokke Rasmussen"); a one-letter typo of a recent office holder's name ("Scott Bassent") too."""
        if " " not in name:
            return name
        exact = self.people.by_name(name)
        if len(exact) == 1:
            return exact[0].name
        near = [p for p in self.people.near_name(name) if at is None or self._recent(p, at)] if not exact else []
        return near[0].name if len(near) == 1 else name

    def _canonical(self, surface: str, r: Resolved) -> str:
        """The full name of a person the article names by surname only ("Erdogan")."""
        if " " in surface:
            return surface
        person = self.known(surface, r.published, surname=True)
        return person.name if person else surface

    def _known_nationality(self, r: Resolved) -> None:
        for rec in list(r.actors.values()):
            if rec.kind is not ActorKind.PERSON or rec.nationality:
                continue
            person = self.known(rec.name, r.published, surname=True)
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

    def _bare_name_token(self, doc: Doc, r: Resolved, words: list[str], i: int) -> bool:
        """A capitalised word no pass has read: not an actor yet, not in a name-like entity, not a title."""
        if not words[i].istitle():
            return False  # most tokens: no Token object built
        tok = doc[i]
        return (
            tok.pos_ in NAME_TAGS
            and not r.at(i)
            and tok.ent_type_ not in NAME_LABELS
            and tok.lower_ not in self.title_words
        )
