"""Evaluations: calling, describing or branding someone or their act with a word of blame or of praise.

"Belgium described Kigali's move as disproportionate", "Moscow branded the Georgian conduct as crazed",
"Beijing called the Japanese premier's comments wrong", "Rubio called the ambassador a race-baiter",
"Belgium said Rwanda's decision was regrettable". The evaluating verb (call, describe, brand, label,
term, dub, characterise, regard, deem, view) or a copula in reported speech predicates a word of the
lexicon's ``blame_words`` (criticism, CAMEO 111) or ``praise_words`` (praise, 051) of its object; the
parse hangs the predicate in many ways (an object predicate, "as" with a noun or an adjective, an
adjective after the object), and all of them count. The one evaluated is the object if it names an
actor, else the owner of the act or words it names ("Kigali's move", "the remarks of X"). The
evaluator is the verb's subject, or for a copula the speaker of the reported speech. A charge called
any word of blame is rejected (CAMEO 120, ``evaluation:dismissed``), not criticised; said to be one in
a copula, reported.dismissals reads it. A pair already told by another event of the sentence gets no
second one. The rule is ``evaluation:<verb>``.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.extract import modality as mod
from graph.extract.events import Found, inherited_subject, np_actors, prep_actors, state_of, subject_actors
from graph.extract.lexicon import Entry, Lexicon
from graph.extract.modality_words import NEGATIONS
from graph.extract.nlp import Doc, Token, lex_columns, sentences
from graph.extract.reported import speaker_actor
from graph.extract.resolve import Resolved
from graph.model import ActorKind, Modality

CRITICIZE = Entry(code="111", lemma="evaluate", rule_name="evaluation")
PRAISE = Entry(code="051", lemma="evaluate", rule_name="evaluation")
REJECT = Entry(code="120", lemma="evaluate", rule_name="evaluation")
EVALUATING_VERBS = {
    "call",
    "describe",
    "brand",
    "label",
    "term",
    "dub",
    "characterize",
    "characterise",
    "regard",
    "deem",
    "view",
}
PREDICATE_DEPS = {"oprd", "acomp", "xcomp", "advcl", "ccomp", "attr"}
# roots of the acts that already say what the evaluator thinks of the one evaluated
JUDGING_ROOTS = ("05", "11", "12")


def find(doc: Doc, res: Resolved, found: list[Found], lex: Lexicon) -> list[Found]:
    """``found`` plus one criticism or praise per evaluation whose evaluator and evaluated are known."""
    out = list(found)
    told = {
        (f.sent_index, a, t)
        for f in found
        if f.entry.code.startswith(JUDGING_ROOTS)
        for a in f.actors
        for t in f.targets
    }
    at = {(f.sent_index, f.trigger): f for f in found}
    lowers, lemmas = lex_columns(doc)
    polar = lex.blame_words | lex.praise_words | lex.dismissive_words
    for si, sent in enumerate(sentences(doc)):
        if not any(lowers[j] in polar or lemmas[j].lower() in polar for j in range(sent.start, sent.end)):
            continue  # no word of blame or praise: nothing evaluated (most sentences; no Token built)
        for i in range(sent.start, sent.end):
            lemma = lemmas[i].lower()
            if lemma not in EVALUATING_VERBS and lemma != "be":
                continue
            tok = doc[i]
            evaluated = _evaluated_phrase(tok, lemma)
            if evaluated is None:
                continue
            words = _predicates(tok, None if lemma == "be" else evaluated)
            if evaluated.lemma_.lower() in lex.charge_nouns:
                # "called the charges moronic": a charge called any word of blame is rejected, not criticised
                earlier = at.get((si, i))
                if lemma == "be" or (earlier and earlier.entry.code.startswith("12")):
                    continue  # copulas are reported.dismissals'
                if words & (lex.blame_words | lex.dismissive_words):
                    out = [f for f in out if f is not earlier]
                    out.append(_dismissal(tok, si, evaluated, res))
                continue
            entry = _polarity(words, lex)
            if entry is None or (si, i) in at:
                continue
            evaluation = _evaluation(entry, tok, si, lemma, evaluated, res, told)
            if evaluation is not None:
                told.update((si, a, k) for a in evaluation.actors for k in evaluation.targets)
                out.append(evaluation)
    return out


def _evaluated_phrase(tok: Token, lemma: str) -> Token | None:
    """What is evaluated: the copula's subject, the verb's object, or the subject of the small clause
    the parse made of "deemed the decision unacceptable"."""
    if lemma == "be":
        return next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return next((c for c in tok.children if c.dep_ == "dobj"), None) or next(
        (s for c in tok.children if c.dep_ in PREDICATE_DEPS for s in c.children if s.dep_ == "nsubj"), None
    )


def _evaluation(
    entry: Entry, tok: Token, si: int, lemma: str, evaluated: Token, res: Resolved, told: set[tuple[int, str, str]]
) -> Found | None:
    stance = mod.stance(tok, noun=False)
    if stance.modality is Modality.DENIED:
        return None
    evaluators = _evaluators(tok, res, lemma)
    home = {state_of(a, res) for a in evaluators} - {None}
    named = _evaluated(evaluated, res, [])
    if lemma == "be" and any(k in evaluators or state_of(k, res) in home for k in named):
        return None  # "Denmark and the US are close allies": a relation the speaker's side is in
    targets = [k for k in named if k not in evaluators and state_of(k, res) not in home]
    targets = [k for k in targets if not all((si, a, k) in told for a in evaluators)]
    if not evaluators or not targets:
        return None
    return Found(
        entry,
        si,
        tok.i,
        actors=evaluators,
        targets=targets,
        modality=stance.modality,
        confidence=0.6,
        rule=f"evaluation:{lemma}",
    )


def _dismissal(tok: Token, si: int, charge: Token, res: Resolved) -> Found:
    """A rejection of the charge by the evaluator; of whoever made it ("Georgia's charges", "charges by
    X"), else of the accuser the answers pass finds."""
    evaluators = subject_actors(tok, res) or inherited_subject(tok, res)
    accusers = [k for k in _evaluated(charge, res, evaluators) if k not in evaluators]
    return Found(REJECT, si, tok.i, actors=evaluators, targets=accusers, confidence=0.6, rule="evaluation:dismissed")


def _predicates(verb: Token, evaluated: Token | None) -> set[str]:
    """The words a verb predicates of its object, however the parse hangs them: "a race-baiter", "as
    disproportionate", "as crazed and hysterical", "(the comments) wrong"."""
    heads = [c for c in verb.children if c.dep_ in PREDICATE_DEPS and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")]
    # "described X as disproportionate": the "as" may hang from the verb or from its object
    for node in (verb, evaluated) if evaluated is not None else (verb,):
        heads += [
            p
            for c in node.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children
            if p.dep_ in ("pobj", "amod", "acomp")
        ]
    if evaluated is not None:  # "called the comments wrong": the parse may make the predicate a modifier
        heads += [c for c in evaluated.children if c.dep_ in ("amod", "acl") and c.i > evaluated.i]
    if any(_negated(t) for t in (verb, *heads)):
        return set()  # "is no longer welcome", "did not call it a success": no evaluation to read
    return {w for h in heads for t in (h, *h.conjuncts) for w in _words(t)}


def _negated(tok: Token) -> bool:
    return any(
        c.dep_ == "neg" or c.lower_ in NEGATIONS or any(g.lower_ in NEGATIONS for g in c.children if c.dep_ == "advmod")
        for c in tok.children
    )


def _words(head: Token) -> Iterable[str]:
    """The head's own word and its modifiers' ("a reckless act", "a race-baiter")."""
    for t in (head, *[c for c in head.children if c.dep_ in ("amod", "compound", "advmod")]):
        yield t.lower_
        yield t.lemma_.lower()
        yield from t.lower_.split("-")


def _polarity(words: set[str], lex: Lexicon) -> Entry | None:
    blame, praise = bool(words & lex.blame_words), bool(words & lex.praise_words)
    if blame == praise:
        return None  # neither, or both ("a great failure"): no reading
    return CRITICIZE if blame else PRAISE


def _evaluators(tok: Token, res: Resolved, lemma: str) -> list[str]:
    if lemma == "be":  # "Belgium said the decision was regrettable": the speaker
        speaker = mod.reported_by(tok)
        found = speaker_actor(speaker, res) if speaker is not None else None
        return [found] if found else []
    return subject_actors(tok, res) or inherited_subject(tok, res)


def _evaluated(thing: Token, res: Resolved, exclude: list[str]) -> list[str]:
    """The actors the evaluated phrase names, else the owners of the act or words it names (the possessor
    first: "the premier's Taiwan comments" are the premier's)."""
    found: list[str] = []
    if res.at(thing.i) is None:
        for deps in (("poss",), ("compound", "amod")):
            found = found or [k for c in thing.children if c.dep_ in deps and c.i < thing.i for k in np_actors(c, res)]
        found = found or prep_actors(thing, res, ("of", "by"))
    found = found or np_actors(thing, res)
    return [k for k in found if k not in exclude and res.actors[k].kind is not ActorKind.SITE]
