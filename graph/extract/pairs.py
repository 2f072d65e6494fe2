"""Pair references: "the two sides", "both countries", "the two leaders", "the neighbours", "the two".

News names the parties of a relation once and then refers to them as a pair. Such a phrase (a plural
pair noun with "two" or "both", "the neighbours", or "the two"/"both" standing alone as a subject)
stands for the two actors the text last named together (a bare "the countries" as a subject, or
"these countries" anywhere, for the actors of the latest coordination, however many, and only if
there is one): the latest coordination "A and B" of actors of the right kind within the sentence and
the three before it, else the latest "between A and B" before it in the text, else the two most
recently named distinct actors of that kind. Leaders, presidents and ministers are persons (else,
when no two persons are named, their states); countries, nations, governments and neighbours are
states; sides, parties and delegations are states, else persons.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.extract.nlp import Doc, Span, Token, sentences
from graph.extract.resolve import Resolved
from graph.model import ActorKind

PERSON_PAIRS = {"leader", "president", "minister", "counterpart", "premier", "head"}
STATE_PAIRS = {"country", "nation", "government", "neighbour", "neighbor", "state", "capital"}
ANY_PAIRS = {"side", "party", "delegation"}
PAIR_WORDS = {"two", "both", "three"}
DEMONSTRATIVES = {"these", "those"}
GROUP_SIZE = {"two": 2, "both": 2, "three": 3}
STATES = (ActorKind.STATE,)
PERSONS = (ActorKind.PERSON,)
LOOKBACK_SENTENCES = 3


def is_pair(tok: Token) -> bool:
    """Whether ``tok`` heads a phrase naming a pair of actors already in the text."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in PAIR_WORDS and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        return True  # "the two agreed", "both pledged", "the three signed"
    if lemma not in PERSON_PAIRS | STATE_PAIRS | ANY_PAIRS or tok.tag_ not in ("NNS", "NNPS"):
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod", "quantmod")}
    if marks & DEMONSTRATIVES and lemma not in PERSON_PAIRS:
        return True  # "accusing these nations of interfering": the states just named together
    return bool(marks & PAIR_WORDS) or ("the" in marks and (lemma in ("neighbour", "neighbor") or _definite(tok)))


def _definite(tok: Token) -> bool:
    """ "The countries struck a deal": a definite plural with nothing else to qualify it, as a subject."""
    qualifiers = [c for c in tok.children if c.dep_ not in ("det", "punct")]
    return not qualifiers and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")


def pair_actors(tok: Token, res: Resolved, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The actors a pair phrase at ``tok`` stands for ([] when the text does not give that many);
    ``exclude``: actors it cannot stand for (the mediators of talks "between the two states")."""
    lemma = tok.lemma_.lower()
    # "both ministers" with no two persons named yet stand for their two states
    kinds_in_order = (
        [PERSONS, STATES] if lemma in PERSON_PAIRS else [STATES] if lemma in STATE_PAIRS else [STATES, PERSONS]
    )
    words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
    counted = words & GROUP_SIZE.keys()
    size = max((GROUP_SIZE[w] for w in counted), default=2)
    sents = sentences(tok.doc)
    idx = next((i for i, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    window = range(sents[max(0, idx - LOOKBACK_SENTENCES)].start, tok.i)
    if not counted and lemma not in ("neighbour", "neighbor"):
        # "the countries": as many as the latest coordination names, and only a coordination ("the leaders"
        # are persons: their states will not do)
        kinds_of_bare = kinds_in_order[:1] if lemma in PERSON_PAIRS else kinds_in_order
        return next(
            (found for kinds in kinds_of_bare if (found := _coordinated(tok, res, window, kinds, 0, exclude))), []
        )
    for kinds in kinds_in_order:
        found = (
            _coordinated(tok, res, window, kinds, size, exclude)
            or (_between(tok, res, kinds, exclude) if size == 2 else [])
            # "the two presidents" are persons who serve a state, not the reporters of a byline near them
            or _latest(res, window, kinds, size, exclude, serving=lemma in PERSON_PAIRS)
        )
        if found:
            return found
    return []


def _coordinations(
    tok: Token, res: Resolved, window: range, kinds: tuple[ActorKind, ...]
) -> Iterator[tuple[int, list[str]]]:
    """Coordinations ("A and B", "A, B and C") ending in ``window``, latest first: the number of phrases
    coordinated and the distinct actors of the kinds they name."""
    doc = tok.doc
    for i in reversed(window):
        t = doc[i]
        if t.dep_ != "conj":
            continue
        head = t.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        group = [head, *head.conjuncts]
        yield len(group), list(dict.fromkeys(k for g in group if (k := res.at(g.i)) and res.actors[k].kind in kinds))


def _coordinated(
    tok: Token, res: Resolved, window: range, kinds: tuple[ActorKind, ...], size: int, exclude: frozenset[str]
) -> list[str]:
    """The latest coordination of exactly ``size`` actors of the kinds ("A and B", "A, B and C"); of any
    number from two with ``size`` 0."""
    for phrases, keys in _coordinations(tok, res, window, kinds):
        fits = len(keys) == size if size else len(keys) >= 2
        if fits and phrases == len(keys) and not exclude & set(keys):
            return keys
    return []


def _between(tok: Token, res: Resolved, kinds: tuple[ActorKind, ...], exclude: frozenset[str]) -> list[str]:
    """The sides of the latest "between X and Y" before ``tok`` in the text: "the agreement between the DRC
    and Rwanda ... will continue to engage both parties" (the parties of what was between them)."""
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        t = doc[i]
        if t.lower_ != "between" or t.dep_ != "prep":
            continue
        keys = pair_in_order(res, doc, i + 1, min(len(doc), i + 16))
        if keys and all(res.actors[k].kind in kinds for k in keys) and not exclude & set(keys):
            return keys
    return []


def _latest(
    res: Resolved,
    window: range,
    kinds: tuple[ActorKind, ...],
    size: int,
    exclude: frozenset[str],
    *,
    serving: bool = False,
) -> list[str]:
    """The ``size`` actors of the kinds named last in ``window`` (with ``serving``, only those with a state)."""
    out: list[str] = []
    for i in reversed(window):
        key = res.at(i)
        if key is None or key in out or key in exclude:
            continue
        rec = res.actors[key]
        if rec.kind in kinds and (not serving or rec.nationality):
            out.append(key)
            if len(out) == size:
                return out[::-1]
    return []


def coordinated_pair(tok: Token, res: Resolved, window: range) -> list[str]:
    """The two persons (else states) of the latest coordination in ``window`` ("X and Y"), or [].
    The parse may hang them from a place ("in Pyongyang, X and Y signed"): the place does not count."""
    for kinds in (PERSONS, STATES):
        for _phrases, keys in _coordinations(tok, res, window, kinds):
            if len(keys) == 2:
                return keys
    return []


def noun_side_pair(noun: Token, res: Resolved, sent: Span) -> list[str]:
    """The pair "X and Y" a symmetric event noun's one side belongs to: after its "between", else before
    the light verb that carries it."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":  # "between" always takes two sides
            return pair_in_order(res, noun.doc, c.i + 1, min(sent.end, c.i + 16))
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    return coordinated_pair(verb, res, range(sent.start, verb.i)) or subject_pair(verb, res)


def subject_pair(verb: Token, res: Resolved) -> list[str]:
    """ "President X and President Y held talks" parsed as one noun phrase: the two sides of its subject,
    read in word order."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return pair_in_order(res, verb.doc, subject.left_edge.i, verb.i) if subject is not None else []


def pair_in_order(res: Resolved, doc: Doc, start: int, stop: int) -> list[str]:
    """Two sides "X and Y" read in word order from ``start`` up to a verb, a punctuation mark or ``stop``:
    each side the actor its phrase ends with ("DRC President Felix Tshisekedi": the president)."""
    sides: list[str | None] = [None]
    for i in range(start, stop):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or (t.is_punct and t.lower_ != "-"):
            break
        if t.lower_ == "and":
            if len(sides) == 2:
                break
            sides.append(None)
        elif (k := res.at(i)) and res.actors[k].kind is not ActorKind.SITE:
            sides[-1] = k
    keys = [k for k in sides if k]
    return keys if len(keys) == 2 and keys[0] != keys[1] else []
