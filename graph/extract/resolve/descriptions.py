"""Definite descriptions of an actor named before: "the Russian leader", "Russia's president", "the 72-year-old",
"the country", "the bloc", "the group".

News names a person once and then describes them. A description with a state ("the Russian leader",
"the Chinese president", "Iran's supreme leader") is the person of that state the article has
already named who holds (or, for the dictionary, held on the article's date) an office the noun
fits; with one such person it is that person, with none or several it stays what it was (the state).
An age description ("the 72-year-old") is the person named last before it, in the same or the previous
sentence. "His Chinese counterpart" is whoever holds in China, on the article's date, the office the person
named before it holds in theirs. Description tokens count as anaphoric mentions, like pronouns.
"""

from __future__ import annotations

from graph import ids
from graph.extract.modality import reported_by
from graph.extract.nlp import Doc, lex_columns, sentences
from graph.extract.people import OFFICES
from graph.extract.resolve.base import ActorRec, Resolved
from graph.extract.resolve.known import KnownPeoplePasses
from graph.model import ActorKind

# role nouns of a description, and the dictionary offices each fits ("leader": either head)
LEADER_NOUNS: dict[str, tuple[str, ...]] = {
    "leader": ("head_of_state", "head_of_government"),
    "president": ("head_of_state", "head_of_government"),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "ruler": ("head_of_state", "head_of_government"),
    "strongman": ("head_of_state", "head_of_government"),
    "monarch": ("head_of_state",),
    "king": ("head_of_state",),
    "emir": ("head_of_state",),
    "diplomat": ("foreign_minister",),
}
OFFICE_ONLY_NOUNS = {"diplomat"}  # descriptions that fit only a holder of their office
# plural role nouns whose states' office holders a text names together ("the Congolese and Rwandan presidents")
PLURAL_LEADERS = {"presidents": "head_of_state", "premiers": "head_of_government", "kings": "head_of_state"}
# nouns that, after "the", stand for an actor of their kind the text has just named ("sanctions on the
# country", "the bloc warned", "the group denied")
DESCRIBED_KINDS: dict[str, tuple[ActorKind, ...]] = {
    **dict.fromkeys(("country", "nation", "kingdom", "republic"), (ActorKind.STATE,)),
    **dict.fromkeys(("bloc", "alliance", "union", "grouping"), (ActorKind.IGO,)),
    **dict.fromkeys(("group", "movement", "militia", "organisation", "organization"), (ActorKind.ORGANIZATION,)),
}
REACH = 2  # sentences back that an age description looks for its person


class DescriptionPasses(KnownPeoplePasses):
    """Reads definite descriptions of persons named earlier in the article."""

    def _descriptions(self, doc: Doc, r: Resolved) -> None:
        lowers = lex_columns(doc)[0]
        sents = sentences(doc)
        sent_of = {i: si for si, s in enumerate(sents) for i in range(s.start, s.end)}
        for i, word in enumerate(lowers):
            if word in PLURAL_LEADERS and r.at(i) is None:
                self._plural_leaders(doc, r, i)
            elif word in LEADER_NOUNS and (r.at(i) is None or _state_marked(r, i)):
                self._leader(doc, r, i)
            elif word in DESCRIBED_KINDS and r.at(i) is None:
                here = sent_of.get(i, 0)
                self._described(doc, r, i, sents[here].start, sents[max(0, here - 1)].start, DESCRIBED_KINDS[word])
            elif word == "government" and r.at(i) is None:
                here = sent_of.get(i, 0)
                if not self._own_government(doc, r, i):
                    self._described(doc, r, i, sents[here].start, sents[max(0, here - 1)].start, (ActorKind.STATE,))
            elif word == "counterpart" and (r.at(i) is None or _state_marked(r, i)):
                self._counterpart(doc, r, i, sents[sent_of.get(i, 0)].start)
            elif word == "old" and i >= 2 and lowers[i - 1] in ("-", "year") and (found := _age_span(doc, i)):
                start = found
                person = _last_person(r, start, sents[max(0, sent_of.get(i, 0) - REACH + 1)].start)
                if person is not None:
                    self._anaphor(r, start, i + 1, person)

    def _leader(self, doc: Doc, r: Resolved, i: int) -> None:
        """ "the Russian leader", "Russia's president": the person of that state named before."""
        noun = doc[i]
        if noun.pos_ != "NOUN" or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in noun.children):
            return  # "the president, Vladimir Putin" / "President Putin": the name is there
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            return
        state = next(
            (
                k
                for c in noun.children
                if c.dep_ in ("amod", "poss", "compound")
                and c.i < i
                and (k := r.at(c.i))
                and r.actors[k].kind is ActorKind.STATE
            ),
            None,
        )
        if state is None or (
            not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ == "poss" for c in noun.children)
        ):
            return
        offices = LEADER_NOUNS[noun.lower_]
        named = [
            k for k, a in r.actors.items() if a.kind is ActorKind.PERSON and a.nationality == state and _before(r, k, i)
        ]
        fitting = [k for k in named if self._holds(r, k, state, offices)]
        # the one person of the state named before is its leader, but not its "top diplomat" unless the
        # dictionary says so: that is often an envoy the article has not named
        alone = named if len(named) == 1 and noun.lower_ not in OFFICE_ONLY_NOUNS else []
        chosen = fitting if fitting else alone
        if len(chosen) == 1:
            self._anaphor(r, noun.left_edge.i, i + 1, chosen[0])

    def _own_government(self, doc: Doc, r: Resolved, i: int) -> bool:
        """ "Raab, the UK foreign secretary, said the government would impose sanctions": a speaker's bare "the
        government" is their own state's."""
        noun = doc[i]
        if [c.lower_ for c in noun.children if c.dep_ != "punct"] != ["the"]:
            return False
        speaker_tok = reported_by(noun)
        speaker = r.at(speaker_tok.i) if speaker_tok is not None else None
        if speaker is None:
            return False
        rec = r.actors[speaker]
        home = speaker if rec.kind is ActorKind.STATE else rec.nationality or rec.part_of
        if home is None or home not in r.actors or r.actors[home].kind is not ActorKind.STATE:
            return False
        self._anaphor(r, noun.left_edge.i, i + 1, home)
        return True

    def _counterpart(self, doc: Doc, r: Resolved, i: int, sentence_start: int) -> None:
        """ "Putin met his Chinese counterpart": whoever holds, in the state named, the office that the person
        named last before it in the sentence holds in theirs, on the article's date."""
        noun = doc[i]
        if noun.tag_ != "NN" or r.published is None:
            return
        state = next((k for c in noun.children if c.i < i and (k := _state_at(r, c.i))), None)
        others = [k for j in range(sentence_start, i) if (k := r.at(j)) and r.actors[k].kind is ActorKind.PERSON]
        if state is None or not others or (home := r.actors[others[-1]].nationality) in (None, state):
            return
        iso3, home_iso3 = r.actors[state].iso3, r.actors[home].iso3 if home in r.actors else None
        if iso3 is None or home_iso3 is None:
            return
        name = r.actors[others[-1]].name
        for office in OFFICES:
            held = self.people.holder(home_iso3, office, r.published)
            if held is None or held.name != name:
                continue
            if (person := self.people.holder(iso3, office, r.published)) is not None:
                key = ids.actor_key(ActorKind.PERSON, person.name)
                rec = self._add(r, ActorRec(key, ActorKind.PERSON, person.name, {person.name}, nationality=state))
                self._anaphor(r, noun.left_edge.i, i + 1, rec.key)
            return

    def _described(
        self, doc: Doc, r: Resolved, i: int, sentence_start: int, window_start: int, kinds: tuple[ActorKind, ...]
    ) -> None:
        """ "imposed sanctions on the country", "the bloc warned": the one actor of the noun's kind named before
        it in its sentence, else the one named in this and the previous sentence."""
        noun = doc[i]
        if noun.pos_ != "NOUN" or [c.lower_ for c in noun.children if c.dep_ != "punct"] != ["the"]:
            return  # "the whole country", "the country's leaders" or "their country": not a bare description
        if i + 1 < len(doc) and doc[i + 1].lower_ == "'s":
            return
        for start in (sentence_start, window_start):
            states = {
                k for j in range(start, i) if (k := r.at(j)) and j not in r.via_pronoun and r.actors[k].kind in kinds
            }
            if len(states) == 1:
                self._anaphor(r, noun.left_edge.i, i + 1, next(iter(states)))
                return
            if states:
                return  # several states in the sentence: which one is meant is not settled

    def _plural_leaders(self, doc: Doc, r: Resolved, i: int) -> None:
        """ "the Congolese and Rwandan presidents": each state's holder of the office on the article's date."""
        noun = doc[i]
        states: list[str] = []
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < i:
                for t in (c, *c.conjuncts):
                    if (k := r.at(t.i)) and r.actors[k].kind is ActorKind.STATE and k not in states:
                        states.append(k)
        if len(states) < 2 or r.published is None:
            return
        office = PLURAL_LEADERS[noun.lower_]
        holders: list[str] = []
        for state in states:
            iso3 = r.actors[state].iso3
            person = self.people.holder(iso3, office, r.published) if iso3 else None
            if person is None:
                return  # all or nothing: "the two presidents" stays the states when one holder is unknown
            key = ids.actor_key(ActorKind.PERSON, person.name)
            rec = self._add(r, ActorRec(key, ActorKind.PERSON, person.name, {person.name}, nationality=state))
            holders.append(rec.key)
        r.holders_at[i] = holders

    def _holds(self, r: Resolved, key: str, state: str, offices: tuple[str, ...]) -> bool:
        iso3 = r.actors[state].iso3
        if iso3 is None or r.published is None:
            return False
        name = r.actors[key].name
        return any((p := self.people.holder(iso3, office, r.published)) and p.name == name for office in offices)

    def _anaphor(self, r: Resolved, start: int, end: int, person: str) -> None:
        self._mark(r, start, end, person, force=True)
        r.via_pronoun.update(range(start, end))


def _state_at(r: Resolved, i: int) -> str | None:
    key = r.at(i)
    return key if key is not None and r.actors[key].kind is ActorKind.STATE else None


def _state_marked(r: Resolved, i: int) -> bool:
    key = r.at(i)
    return key is not None and r.actors[key].kind is ActorKind.STATE


def _before(r: Resolved, key: str, i: int) -> bool:
    return any(r.at(j) == key and j not in r.via_pronoun for j in range(i))


def _age_span(doc: Doc, old: int) -> int | None:
    """Start of "the 72-year-old" ending at ``old``, when the words before are a number and "the"."""
    j = old - 1
    while j > 0 and doc[j].lower_ in ("-", "year", "years"):
        j -= 1
    if not doc[j].like_num or j == 0 or doc[j - 1].lower_ != "the":
        return None
    nxt = doc[old + 1] if old + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return None  # "the 72-year-old man", "the 72-year-old Putin": not a bare description
    return j - 1


def _last_person(r: Resolved, before: int, earliest: int) -> str | None:
    """The person a description picks up: the last subject that names a person before ``before`` (not
    earlier than ``earliest``), else the person mentioned last ("Modi met Xi. The 74-year-old ...": Modi)."""
    doc = r.doc
    last: str | None = None
    for j in range(before - 1, earliest - 1, -1):
        key = r.at(j)
        if not key or r.actors[key].kind is not ActorKind.PERSON:
            continue
        last = last or key
        if doc[j].dep_ in ("nsubj", "nsubjpass") or doc[j].head.dep_ in ("nsubj", "nsubjpass"):
            return key
    return last
