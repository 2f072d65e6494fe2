"""Actors named by noun phrases around a trigger: possessors, coordinations, pairs, relative pronouns,
appositions, the actors inside an object phrase (who inherits a subject is events/subjects.py)."""

from __future__ import annotations

import bisect
from collections.abc import Collection

from graph.extract.events.found import Found
from graph.extract.events.places import state_of
from graph.extract.events.words import (
    ABOUT_PREPS,
    NOUN_TARGET_PREPS,
    OFFICIAL_NOUNS,
    ORIGIN_NOUNS,
    QUANTITY_NOUNS,
    SYMMETRIC_PREPS,
    WH_WORDS,
)
from graph.extract.lexicon import DOCUMENT_NOUNS
from graph.extract.nlp import Token, sentences
from graph.extract.pairs import is_pair, pair_actors
from graph.extract.resolve import Resolved
from graph.model import ActorKind


# -- helpers ---------------------------------------------------------------------------------------
def _named_state(tok: Token) -> bool:
    """A state written as its name ("Venezuela", "Iran"), not an abbreviation ("U.S.", "UK") or a demonym."""
    return tok.ent_id_.startswith("state:") and "." not in tok.text and not tok.text.isupper()


def _unique(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))


def _is_kind(res: Resolved, i: int, kind: ActorKind) -> bool:
    key = res.at(i)
    return bool(key) and res.actors[key or ""].kind is kind


def _antecedent(pronoun: Token, head: Token, res: Resolved) -> Token:
    """What a relative pronoun stands for: the noun the parse hangs its clause from, except that ", which"
    right after a name that is no person stands for that name ("a crackdown on protesters in Belarus,
    which retaliated": Belarus, not the protesters)."""
    before = pronoun.i - 2
    if pronoun.lower_ != "which" or head.pos_ != "NOUN" or before < 0 or pronoun.doc[before + 1].text != ",":
        return head
    key = res.at(before)
    if key is None or res.actors[key].kind in (ActorKind.PERSON, ActorKind.SITE) or key == res.at(head.i):
        return head
    return pronoun.doc[before]


def _actor_of(tok: Token, res: Resolved) -> str | None:
    found = np_actors(tok, res)
    return found[0] if found else None


def _of_object(tok: Token) -> Token | None:
    """The object of "of" after ``tok``, through "heads of state of X" to X."""
    for _ in range(2):
        found = next(
            (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"),
            None,
        )
        if found is None or found.lemma_.lower() not in ("state", "government"):
            return found
        tok = found
    return None


RELATIVE_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj"}
PARTITIVES = {"all", "both", "each", "most", "many", "some", "several", "none"}


def np_actors(tok: Token, res: Resolved, depth: int = 2) -> list[str]:
    """Actors named by the noun phrase headed by ``tok`` (and its coordinated phrases)."""
    out: list[str] = []
    key = res.at(tok.i)
    if tok.i in res.holders_at:  # "the Congolese and Rwandan presidents": the two office holders
        out += res.holders_at[tok.i]
    elif key and res.actors[key].kind is not ActorKind.SITE:
        out.append(key)
        if res.actors[key].kind is ActorKind.STATE:  # "Chilean and Peruvian officials": both states act
            out += _coordinated_demonyms(tok, res) + _hyphen_pair(tok, res)
    elif (
        key
        and key in res.place_state
        and (
            tok.dep_ in ("nsubj", "nsubjpass")
            or (tok.dep_ in ("compound", "poss") and tok.head.lemma_.lower() in RESOLVE_NOUNS | DOCUMENT_NOUNS)
        )
    ):
        # "the White House said", "the Kremlin's decision": a seat of government acting or deciding is its
        # state ("a White House meeting" is a meeting there)
        out.append(res.place_state[key])
    elif tok.lower_ in WH_WORDS and tok.dep_ in RELATIVE_DEPS:
        # "Nijjar, who India designated ...", "the envoy, whom Delhi summoned", "X, to whom Y wrote":
        # a relative pronoun stands for the noun its clause qualifies
        rel = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and rel.lower_ in PARTITIVES:
            rel = rel.head  # "the governments of X and Y, all of whom have expelled ...": all of them
        if rel.dep_ == "relcl":
            out += np_actors(_antecedent(tok, rel.head, res), res, depth)
    elif tok.lower_ in PARTITIVES and tok.dep_ in ("nsubj", "nsubjpass") and (of := _of_object(tok)) is not None:
        out += np_actors(of, res, depth)  # "all of whom", "both of them"
    elif is_pair(tok) and (pair := pair_actors(tok, res)):
        out += pair  # "the two sides", "both countries"
    elif tok.lower_ == "them" and depth > 0:
        out += _plural_antecedent(tok, res)
    elif tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass") and depth > 0:
        out += _sides_before(tok, res)
    elif depth > 0 and tok.lemma_.lower() == "member" and _of_an_organisation(tok, res):
        pass  # "a NATO member shot down the plane": one of its member states, not the organisation
    elif depth > 0 and tok.lemma_.lower() in OFFICIAL_NOUNS and (of := _of_object(tok)) is not None:
        out += np_actors(of, res, depth - 1)  # "the foreign ministers of Rwanda and DR Congo"
    elif depth > 0 and (included := prep_actors(tok, res, ("including",))):
        out += included  # "human rights abusers, including senior Saudi officials": the ones named
    elif depth > 0 and tok.lemma_.lower() in QUANTITY_NOUNS and (of := _of_object(tok)) is not None:
        out += np_actors(of, res, depth)  # "thousands of Iraqi Kurds": the quantity is not who acts
    elif depth > 0 and tok.lemma_.lower() in ORIGIN_NOUNS and (origin := prep_actors(tok, res, ("from",))):
        out += [k for k in origin if res.actors[k].kind is ActorKind.STATE]  # "individuals from Russia"
    elif depth > 0 and tok.dep_ == "nsubj" and (author := _document_author(tok, res)):
        out += author  # "a statement by the ministry condemned ...": a document that speaks, for its author
    elif depth > 0 and (named := _named_apposition(tok, res)):
        out.append(named)  # "Canadian activist Hardeep Singh Nijjar": the man, not his country
    elif depth > 0:
        for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if (
                (c.dep_ in ("compound", "poss", "amod", "nmod", "appos", "nummod") and c.i < tok.i)
                or c.dep_ == "appos"
                or (c.dep_ == "npadvmod" and tok.lower_ == "led")  # "the US-led strikes": the leader acts
            ):
                found = np_actors(c, res, depth - 1)
                if found:
                    out += found
                    break
    for conj in tok.conjuncts:
        if conj.i > tok.i and not _subject_of_next_clause(conj):
            k = res.at(conj.i)
            if k and res.actors[k].kind is not ActorKind.SITE:
                out.append(k)
            elif depth > 0 and not k:
                out += np_actors(conj, res, depth - 1)[:1]
    return _unique(out)


def _document_author(noun: Token, res: Resolved) -> list[str]:
    """The "by"/"from" of a document noun ("a statement by the ministry")."""
    return prep_actors(noun, res, ("by", "from")) if noun.lemma_.lower() in DOCUMENT_NOUNS else []


def _of_an_organisation(member: Token, res: Resolved) -> bool:
    """ "a NATO member", "an EU member state", "members of the African Union": an IGO's members."""
    owners = [c for c in member.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    owners += [p for c in member.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return any((k := res.at(o.i)) and res.actors[k].kind is ActorKind.IGO for o in owners)


def _subject_of_next_clause(conj: Token) -> bool:
    """ "fired shells into the island and the South Korean Navy returned fire": the parse coordinated the
    navy with the island, but it is the subject of the subjectless verb right after it."""
    doc = conj.doc
    nxt = conj.right_edge.i + 1
    while nxt < len(doc) and (doc[nxt].pos_ == "ADV" or doc[nxt].text == ","):
        nxt += 1
    return (
        nxt < len(doc)
        and doc[nxt].pos_ == "VERB"
        and doc[nxt].dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[nxt].children)
    )


def _coordinated_demonyms(noun: Token, res: Resolved) -> list[str]:
    """The other states of a coordination of adjectives before a plural noun read as one state's."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    return [
        k
        for c in noun.children
        if c.dep_ == "amod" and c.i < noun.i and c.conjuncts  # "Turkish-Americans" are no coordination
        for adj in (c, *c.conjuncts)
        if (k := res.at(adj.i)) and res.actors[k].kind is ActorKind.STATE
    ]


def _hyphen_pair(name: Token, res: Resolved) -> list[str]:
    """The other state of a hyphenated pair of states ("the US-India partnership", "India-Pakistan talks"); not
    people of two origins ("Turkish-Americans")."""
    if name.tag_ in ("NNS", "NNPS"):
        return []
    doc = name.doc
    return [
        k
        for c in name.children
        if c.dep_ == "compound" and c.i + 2 == name.i and doc[c.i + 1].text in ("-", "–")
        if (k := res.at(c.i)) and res.actors[k].kind is ActorKind.STATE and k != res.at(name.i)
    ]


def _plural_antecedent(pronoun: Token, res: Resolved) -> list[str]:
    """ "withdrew its envoy X and other diplomats after Ottawa named them suspects": the actors of the nearest
    plural phrase (a coordination or a plural noun) before "them" in its sentence, not its own clause's subject."""
    verb = pronoun.head
    own = {k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for k in np_actors(c, res, 1)}
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        t = pronoun.doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i:
            continue
        plural = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
        if plural and t.pos_ in ("NOUN", "PROPN") and (found := [k for k in np_actors(t, res, 1) if k not in own]):
            return found
    return []


def _sides_before(pronoun: Token, res: Resolved) -> list[str]:
    """ "At his meeting with Starmer, they agreed": "they" are the sides of a meeting named before it in its
    sentence, its owner and whom it was with."""
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        t = pronoun.doc[i]
        if t.pos_ != "NOUN":
            continue
        owner = [k for c in t.children if c.dep_ == "poss" for k in np_actors(c, res, 1)]
        other = prep_actors(t, res, ("with",))
        if owner and other:
            return _unique(owner + other)
    return []


def pobj_actors(prep: Token, res: Resolved) -> list[str]:
    """Actors named by the object(s) of one preposition token ("to Iraq and Oman")."""
    return [a for p in prep.children if p.dep_ == "pobj" for a in np_actors(p, res)]


def prep_actors(node: Token, res: Resolved, preps: Collection[str]) -> list[str]:
    """Actors named by the objects of ``node``'s prepositions whose word is in ``preps`` ("sent X to Y": the
    parser's "dative" is one too)."""
    return [a for c in node.children if c.dep_ in ("prep", "dative") and c.lower_ in preps for a in pobj_actors(c, res)]


def _deep_against(tok: Token, res: Resolved, exclude: list[str]) -> list[str]:
    """An "against X" anywhere in the trigger's objects and adjuncts (not in a clause with its own subject)."""
    todo = [(c, 1) for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "ccomp", "parataxis")]
    while todo:
        node, depth = todo.pop(0)
        if node.dep_ == "prep" and node.lower_ == "against":
            found = [
                a
                for p in node.children
                if p.dep_ == "pobj"
                for a in (np_actors(p, res) or _inner_actors(p, res, exclude))  # "against attacks by X"
                if a not in exclude
            ]
            if found:
                return found
        if depth < 4 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            todo += [(c, depth + 1) for c in node.children if c.dep_ not in ("relcl", "ccomp", "parataxis")]
    return []


POSTING_PREPS = {"to", "in", "at", "from"}
OWNING_PARTICIPLES = {"belong", "own", "operate", "charter"}
PARTNER_NOUNS = {"partner", "ally", "friend", "counterpart", "colleague", "neighbour", "neighbor", "member"}


def _named_apposition(tok: Token, res: Resolved) -> str | None:
    """The person a common noun is in apposition with ("activist Hardeep Singh Nijjar", "the envoy, X")."""
    if tok.pos_ not in ("NOUN", "PROPN"):  # "Ethiopia's Prime Minister, Dr. Abiy Ahmed"
        return None
    for c in tok.children:
        if c.dep_ == "appos" and (key := res.at(c.i)) and res.actors[key].kind is ActorKind.PERSON:
            return key
    return None


def owned_by(thing: Token, actors: Collection[str], res: Resolved) -> bool:
    """Whether the thing's possessor is one of ``actors``: "its" (unresolved), or those actors named."""
    for c in thing.children:
        if c.dep_ == "poss":
            owners = np_actors(c, res)
            return (c.pos_ == "PRON" and not owners) or (bool(owners) and set(owners) <= set(actors))
    return False


def _inner_actors(tok: Token, res: Resolved, exclude: Collection[str] = ()) -> list[str]:
    """Actors inside an object phrase: "action against Colombia", "North Korea's demand" (not ``exclude``)."""
    preps = NOUN_TARGET_PREPS | {"of", "from", "by"}
    if tok.lemma_.lower() in PARTNER_NOUNS:
        preps = preps | {"in", "at"}  # "partners in the AU and Qatar"
    for c in tok.children:
        if c.dep_ == "poss" and (found := [k for k in np_actors(c, res) if k not in exclude]):
            return found
    if tok.lemma_.lower() in OFFICIAL_NOUNS and owned_by(tok, exclude, res):
        # "recalled its ambassador to Israel": where the actor's own people serve, not "suspended its
        # ministers over India's protest"
        preps = POSTING_PREPS
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            found = [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res) if a not in exclude]
            if found:
                return found
    # "a tanker belonging to Greece", "a ship owned by a Greek firm": the owner of the thing
    owners = [
        a
        for c in tok.children
        if c.dep_ == "acl" and c.lemma_.lower() in OWNING_PARTICIPLES
        for a in prep_actors(c, res, ("to", "by"))
        if a not in exclude
    ]
    if owners:
        return owners
    # "exports of timber to Sweden": the parse may hang the "to" from the thing of the "of"
    return [
        a
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for t in p.children
        if t.dep_ == "prep" and t.lower_ in NOUN_TARGET_PREPS - ABOUT_PREPS - SYMMETRIC_PREPS
        for a in pobj_actors(t, res)
        if a not in exclude
    ]


# acts that need another party: statements to, meetings and talks with, praise of, intent to meet or
# negotiate. A leader's pledge to reform their own state (0344) is CAMEO-coded and stays.
WITH_ANOTHER_CODES = ("01", "04", "05", "036")
# targets CAMEO practice sets to the state where an act happens, which may be the actor's own
CAMEO_SETTINGS = ("/domestic-target", "/place-target")


def _own_state(f: Found, res: Resolved) -> bool:
    """Whether every source belongs to the one state that every target is, and that is no relation.

    An agency or the state itself acting on that state never is ("the Foreign Ministry in Baku ...
    Azerbaijan"); a person praising, meeting or leading a delegation of their own state is not either,
    though a leader's pledge to reform it is.
    Rebels, opposition or citizens in conflict with their own state are a relation (CAMEO codes them).
    """
    homes = {state_of(a, res) for a in f.actors}
    if len(homes) != 1 or None in homes:
        return False
    if all(res.actors[a].kind in (ActorKind.PERSON, ActorKind.STATE) for a in f.actors) and all(
        res.actors[t].kind is ActorKind.AGENCY and state_of(t, res) in homes for t in f.targets
    ):
        return True  # "Sheinbaum sent troops": her state's own armed forces, police or ministry is no other side
    if not set(f.targets) <= homes:
        return False
    if all(res.actors[a].kind in (ActorKind.AGENCY, ActorKind.STATE) for a in f.actors):
        return True
    persons = all(res.actors[a].kind is ActorKind.PERSON for a in f.actors)
    return persons and f.entry.code.startswith(WITH_ANOTHER_CODES)


def _same_verb_clauses(tok: Token) -> list[Token]:
    """Verbs of the same lemma coordinated with ``tok`` ("X signed ..., and Y signed ...")."""
    group = [tok, *tok.conjuncts]
    return [v for v in group if v is not tok and v.lemma_ == tok.lemma_]


# nouns of a decided act: their infinitive or "of"-gerund is their owner's act ("the decision to impose",
# "took the step of expelling"), not the act of the clause they are the object of ("condemned the decision")
RESOLVE_NOUNS = set(
    "decision move step plan bid attempt effort pledge promise offer proposal intention readiness refusal "  # noqa: SIM905
    "order threat vow commitment".split()
)


SENTENCE_STARTS = "diplograph_sentence_starts"


def recent_actors(tok: Token, res: Resolved, n: int) -> list[str]:
    """The ``n`` most recently mentioned distinct persons (else any actors) before and around ``tok``."""
    sents = sentences(tok.doc)
    sent = tok.sent
    starts = tok.doc.user_data.get(SENTENCE_STARTS)
    if starts is None or len(starts) != len(sents):  # found once per doc, not by a scan per call
        starts = tok.doc.user_data[SENTENCE_STARTS] = [s.start for s in sents]
    idx = max(0, bisect.bisect_right(starts, sent.start) - 1)
    start = sents[max(0, idx - 2)].start
    window = list(range(start, sent.end))
    window.sort(key=lambda i: abs(i - tok.i))
    persons = _unique([k for i in window if (k := res.at(i)) and res.actors[k].kind is ActorKind.PERSON])
    return persons[:n]


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose object (possibly through a preposition or apposition) an event noun is."""
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return None
        if node.dep_ not in ("dobj", "pobj", "attr", "appos", "npadvmod", "prep", "conj", "oprd"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
