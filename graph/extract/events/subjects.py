"""Who does an act whose verb names no subject of its own: the subject of the verb it is coordinated with
or subordinate to, the one who decided it, the one led or forced to do it, the author of a document, the
one thanked or accused in "thanked X for hosting"; and the subject of a verb itself."""

from __future__ import annotations

from graph.extract.events.phrases import (
    RESOLVE_NOUNS,
    _document_author,
    _subject_of_next_clause,
    _unique,
    np_actors,
    prep_actors,
)
from graph.extract.events.words import PLURAL_IT, WH_WORDS
from graph.extract.lexicon import DOCUMENT_NOUNS
from graph.extract.modality import gerund_subject
from graph.extract.nlp import Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind


def glued_subject(verb: Token, res: Resolved) -> list[str]:
    """The subject the parse coordinated with an earlier noun (:func:`_subject_of_next_clause`): "... into
    the island and the South Korean Navy returned fire" (the navy returned it)."""
    i = verb.i - 1
    while i > 0 and (verb.doc[i].pos_ == "ADV" or verb.doc[i].text == ","):
        i -= 1
    noun = verb.doc[i]
    if noun.dep_ == "appos":  # "its spokesperson, Minoru Kihara, urged"
        noun = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or not _subject_of_next_clause(noun):
        return []
    return [k for k in np_actors(noun, res, 1) if res.actors[k].kind is not ActorKind.SITE][:1]


def subject_actors(verb: Token, res: Resolved) -> list[str]:
    """Actors of the verb's subject (the nearest one before the verb when the parse gives two)."""
    for c in sorted(verb.children, key=lambda c: (c.i > verb.i, abs(c.i - verb.i))):
        if c.dep_ in ("nsubj", "csubj", "expl"):
            found = np_actors(gerund_subject(c) or c, res)
            if found:
                return found
    return []


# clauses that take their subject from the verb above them ("are due to meet": through "due")
# prepositions of time and means whose -ing clause shares the main clause's subject ("after meeting X, Y
# said"); not "for" or "of", whose -ing clause often belongs to the object ("praised X for supporting Y")
TIME_PREPS = {"after", "before", "since", "upon", "following", "during", "by", "while", "when", "through"}
OBJECT_CLAUSE_PREPS = {"for", "of"}  # "thanked X for hosting", "accused X of plotting": X acts
CAUSING_VERBS = {"lead", "prompt", "force", "compel", "cause", "push", "drive", "spur", "persuade", "convince"}
INHERITING_DEPS = ("conj", "xcomp", "advcl", "acl", "ccomp", "pcomp", "parataxis", "acomp")


OWNING_VERBS = set("make take announce reach adopt confirm finalise finalize defend justify explain unveil".split())  # noqa: SIM905


def _resolution_owner(noun: Token, res: Resolved) -> list[str]:
    """Whose a decision is: its possessor or modifier ("Washington's decision", "the White House decision",
    "a decision by X"), else the subject of the verb that makes it ("took the step of") or holds it as its
    own ("upheld its decision")."""
    own = [
        k
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i
        for k in np_actors(c, res)
    ]
    own += prep_actors(noun, res, ("by",))
    if own:
        return _unique(own)
    mine = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)  # "Algeria upheld its decision"
    if noun.dep_ == "dobj" and (mine or noun.head.lemma_.lower() in OWNING_VERBS):
        return subject_actors(noun.head, res) or inherited_subject(noun.head, res)
    return []


def _decided_by(verb: Token) -> Token | None:
    """The noun of deciding whose infinitive ``verb`` is, also when the parse hangs the infinitive from the
    clause's verb ("condemned the decision on Monday to impose": "to impose" parsed as the verb's), and the
    gerund parsed as a modifier of its object ("the step of expelling X's envoy": "expelling" as the envoy's)."""
    head = verb.head
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.head.lower_ == "of":
        noun = head.head.head
        return noun if noun.lemma_.lower() in RESOLVE_NOUNS else None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ == "acl" and head.lemma_.lower() in RESOLVE_NOUNS:
        return head
    if verb.dep_ in ("advcl", "xcomp"):  # only right after the noun: "the decision (on Monday) to impose"
        return next(
            (
                c
                for c in head.children
                if c.dep_ == "dobj"
                and c.lemma_.lower() in RESOLVE_NOUNS
                and 0 < verb.left_edge.i - c.right_edge.i <= 1
                and not any(t.is_punct for t in verb.doc[c.right_edge.i + 1 : verb.left_edge.i])
            ),
            None,
        )
    return None


def inherited_subject(verb: Token, res: Resolved) -> list[str]:
    """Subject of the verb this one is coordinated with or subordinate to.

    A verb with a subject of its own that names no actor ("as the opposition threatened") inherits
    nothing; a verb coordinated with a passive one shares its subject ("X was indicted and will resign");
    the infinitive or gerund of a noun of deciding is the act of the one who decided (:func:`_resolution_owner`).
    """
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in WH_WORDS | PLURAL_IT for c in verb.children):
        return []  # "it"/"they" in "X said it would ..." stand for the subject of the clause above
    if (decision := _decided_by(verb)) is not None:
        return _resolution_owner(decision, res)
    node = verb
    for _ in range(3):
        if node.dep_ not in INHERITING_DEPS or node.head.i == node.i:
            return []
        if (
            node.dep_ == "xcomp"
            and node.head.lemma_.lower() in CAUSING_VERBS
            and (led := [k for c in node.head.children if c.dep_ == "dobj" for k in np_actors(c, res)])
        ):
            return led  # "the statements led the ministry to summon the envoy": the one led or forced acts
        if node.dep_ == "pcomp" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in RESOLVE_NOUNS:
            return _resolution_owner(node.head.head, res)  # "took the step of expelling X"
        if node.dep_ == "pcomp" and node.head.lower_ in OBJECT_CLAUSE_PREPS:
            return _object_agent(node.head.head, res)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            # "Muizzu, currently visiting China": an -ing participle's subject is the noun it qualifies
            if node.tag_ != "VBG":
                return []
            return np_actors(node.head, res) or _author(node.head, res)
        conj = node.dep_ == "conj"
        raised = node.dep_ == "xcomp"  # "China is scheduled to visit": the passive subject above
        node = node.head
        if node.dep_ == "pcomp":
            node = node.head
        if node.dep_ == "prep" and node.lower_ in TIME_PREPS and node.head.i != node.i:
            node = node.head  # "After meeting X, Y said": the subject of the clause the phrase modifies
        found = subject_actors(node, res)
        if not found and (conj or raised):
            found = [k for c in node.children if c.dep_ == "nsubjpass" for k in np_actors(c, res)]
        if found:
            return found
    return []


def _author(noun: Token, res: Resolved) -> list[str]:
    """Who a document speaks for ("issued a statement condemning X"): its own "by"/"from", else the
    subject of the verb that issues, releases or sends it."""
    if noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return []
    own = _document_author(noun, res)
    if own or noun.dep_ != "dobj":
        return own
    return subject_actors(noun.head, res) or inherited_subject(noun.head, res)


def _object_agent(gov: Token, res: Resolved) -> list[str]:
    """Who does the act of "thanked X for hosting", "gratitude to X for hosting", "accused X of plotting".

    The one thanked, praised or accused: the verb's object (or passive subject), the "to" of a noun of
    thanks, the actor the noun itself names; else the verb's own subject ("apologised for attacking").
    """
    objects = [c for c in gov.children if c.dep_ in ("dobj", "dative")]
    found = [k for node in (gov, *objects) for k in prep_actors(node, res, ("to",))]  # "gratitude to X for"
    for deps in (("dobj", "dative"), ("nsubjpass",)):
        found = found or [k for c in gov.children if c.dep_ in deps for k in np_actors(c, res)]
    if found or gov.pos_ not in ("VERB", "AUX"):
        return found or np_actors(gov, res)
    return subject_actors(gov, res)
