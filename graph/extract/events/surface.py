"""Arguments found by word order or proximity when the parse gives none: the actor right before a verb
left without a subject, the nearest actor in the clause, the person named nearest a trigger; and the
rule suffixes that mark such guesses."""

from __future__ import annotations

from graph.extract.events.words import TARGET_PREPS
from graph.extract.nlp import Span, Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind

# rule suffixes of arguments found by word order or proximity rather than by the parse
GUESSED_ARGUMENTS = ("/surface", "/nearest-person", "/place-target", "/domestic-target")
GUESSED_TARGETS = ("/surface-target", "/place-target")
STOP_SURFACE = {";", ":", ".", "!", "?", "—", "–"}


def _nearest(
    tok: Token, res: Resolved, sent: Span, step: int, exclude: set[str] | None = None, limit: int = 10
) -> str | None:
    """Nearest actor (not a place) left (-1) or right (+1) of ``tok`` within its clause."""
    i = tok.i + step
    while sent.start <= i < sent.end and abs(i - tok.i) <= limit:
        t = tok.doc[i]
        if t.text in STOP_SURFACE or (step > 0 and t.pos_ == "VERB" and t.i != tok.i):
            return None
        if step > 0 and t.pos_ == "ADP" and t.lower_ not in TARGET_PREPS:
            return None
        key = res.at(i)
        if key and res.actors[key].kind is not ActorKind.SITE and key not in (exclude or set()):
            return key
        i += step
    return None


def _adjacent_subject(tok: Token, res: Resolved, sent: Span) -> str | None:
    """The actor named right before a main verb the parse left without a subject: "On December 6, while on a
    visit to Vienna, X, Foreign Minister of Armenia, met with Y" (the parser hangs X from the fronted phrase).

    Adverbs between are skipped ("X also met"), and so is one apposition between commas without a verb
    ("X, the foreign minister, met"); the actor's name must end there."""
    if tok.dep_ != "ROOT" or tok.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    i = tok.i - 1
    while i >= sent.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= sent.start and tok.doc[i].text == ",":
        start = i - 1
        while start >= sent.start and tok.doc[start].text != "," and i - start <= 8:
            start -= 1
        between = tok.doc[start + 1 : i]
        if start < sent.start or tok.doc[start].text != "," or not len(between):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            return None  # a clause, not an apposition
        i = start - 1
    key = res.at(i) if i >= sent.start else None
    if key is None or res.actors[key].kind is ActorKind.SITE or res.at(i + 1) == key:
        return None
    return key


def _nearest_person(tok: Token, res: Resolved, sent: Span, exclude: set[str], statement: bool = False) -> str | None:
    """The person named nearest the trigger in its sentence: the addressee a parse lost.

    For a statement (``statement``) not a person inside what is announced ("announced its decision to
    withdraw envoy X", "announced the arrests ... in the killing of X") nor the subject of another clause
    ("after the police statement ..., minister X is warning"): those are what the statement is about or
    who speaks next, not whom it is addressed to."""
    inside = range(tok.left_edge.i, tok.right_edge.i + 1) if statement else range(0)
    cands = sorted(
        (abs(i - tok.i), k)
        for i in range(sent.start, sent.end)
        if (k := res.at(i))
        and k not in exclude
        and res.actors[k].kind is ActorKind.PERSON
        and not (statement and (i in inside or _heads_a_subject(tok.doc[i])))
    )
    return cands[0][1] if cands else None


def _heads_a_subject(t: Token) -> bool:
    """Whether ``t`` is in a noun phrase that is the subject of some verb."""
    for node in (t, *list(t.ancestors)[:3]):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False
