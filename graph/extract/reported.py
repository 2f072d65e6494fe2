"""Reported speech: a speaker's account of someone else's hostile act is the speaker's accusation.

"Kallas said Russia had bombed Ukraine for three years" holds two things: the bombing, which the
article attributes to Kallas (its claimant) and never to Kallas as the actor, and Kallas accusing
Russia — an act of Kallas towards Russia (CAMEO 112) that a reader of the news sees first. For
every event mention in a clause governed by a verb of saying whose speaker is not one of its
actors, and whose kind is a threat or a hostile act (CAMEO roots 13, 15 and 17-20: threats, force posture,
coercion, expulsions, assaults, attacks), one accusation from the speaker to the event's source is added,
dated like the speech, with the rule ``reported-speech:accuse``. A speaker who already accuses or
criticises that source in the same sentence, or who is one of the act's actors, gets none.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.extract import modality as mod
from graph.extract.events import Found, inherited_subject, np_actors, prep_actors, state_of, subject_actors
from graph.extract.lexicon import Entry, Lexicon
from graph.extract.modality_words import ALLEGE_HEADS
from graph.extract.nlp import Doc, Token, lex_columns, sentences
from graph.extract.resolve import Resolved
from graph.model import ActorKind, Modality

ACCUSE = Entry(code="112", lemma="say", rule_name="reported-speech")
DISMISS = Entry(code="120", lemma="say", rule_name="reported-speech")
# "X said Y was behind / responsible for / complicit in the attack": blame without an act verb
BLAME_PREPS = {"behind"}
BLAME_ADJECTIVES = {"complicit", "culpable", "guilty"}
NEUTRAL_ADJECTIVES = {"responsible", "involved"}  # blame only for a harm: "responsible for the attack"
HARMS = {
    "attack",
    "killing",
    "death",
    "murder",
    "bombing",
    "violence",
    "assassination",
    "arrest",
    "abduction",
    "kidnapping",
    "crime",
    "crimes",
    "shooting",
    "strike",
    "massacre",
    "plot",
    "sabotage",
    "explosion",
    "raid",
}
# wrongs a speaker may say another did, which no event of their own names: "violated the protocols",
# "meddled in our affairs"; and the manner that makes any act one ("crossed the border illegally")
WRONGDOING_VERBS = {
    "violate",
    "breach",
    "infringe",
    "flout",
    "renege",
    "betray",
    "provoke",
    "interfere",
    "meddle",
    "undermine",
    "sabotage",
    "trespass",
    "encroach",
    "intrude",
    "incite",
    "destabilize",
    "destabilise",
}
WRONG_MANNERS = {"illegally", "unlawfully"}
# protests and cuts in relations told by a third party are news, not blame: "the ministry said France cancelled
# the visit"
HOSTILE_ROOTS = {"13", "15", "17", "18", "19", "20"}
DISAPPROVAL_ROOT = "11"


# who tells what others saw: "Thai military sources said" report, they accuse nobody
INFORMANT_NOUNS = {"source", "witness", "resident", "report", "medium", "observer", "footage"}


def speaker_actor(tok: Token, res: Resolved) -> str | None:
    """Who a speaker phrase names: "Lavrov", or "a senior U.S. official" (the United States)."""
    if (key := res.at(tok.i)) is not None:
        return key
    return None if tok.lemma_.lower() in INFORMANT_NOUNS else next(iter(np_actors(tok, res)), None)


def _said(
    entry: Entry, sent: int, speaker_tok: Token, speaker: str, targets: list[str], confidence: float, how: str
) -> Found:
    """The speaker's own act, at their verb of saying (``reported-speech:<how>``)."""
    return Found(
        entry,
        sent,
        speaker_tok.head.i,
        actors=[speaker],
        targets=targets,
        confidence=confidence,
        rule=f"reported-speech:{how}",
    )


def disapprovals(found: list[Found]) -> set[tuple[int, str, str]]:
    """(sentence, actor, target) of every disapproval already found: no second accusation is added for them."""
    return {
        (f.sent_index, a, t)
        for f in found
        if f.entry.code.startswith(DISAPPROVAL_ROOT)
        for a in f.actors
        for t in f.targets
    }


def find(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """``found`` plus one accusation per speaker and accused source of a reported hostile act."""
    out = list(found)
    said = disapprovals(found)
    for f in found:
        if f.entry.code[:2] not in HOSTILE_ROOTS or not f.actors or f.modality is Modality.DENIED:
            continue
        speaker_tok = mod.reported_by(doc[f.trigger])
        if speaker_tok is None or (speaker := speaker_actor(speaker_tok, res)) is None:
            continue
        if res.actors[speaker].kind is ActorKind.MEDIA:
            continue  # "X accused Y of Z, AFP reports": the agency reports the accusation, it makes none
        if speaker in f.actors:
            continue  # "A and B said they will attack C": the speaker tells of an act of its own, with B
        home = state_of(speaker, res)
        accused = [a for a in f.actors if a != speaker and (home is None or state_of(a, res) != home)]
        accused = [a for a in accused if (f.sent_index, speaker, a) not in said]
        if not accused:
            continue
        said.update((f.sent_index, speaker, a) for a in accused)
        out.append(_said(ACCUSE, f.sent_index, speaker_tok, speaker, accused, 0.55, f"accuse/{f.entry.code}"))
    return out


def _copulas(doc: Doc) -> Iterator[tuple[int, Token]]:
    """(sentence index, token) of every form of "be", the clauses that say what something is."""
    lemmas = lex_columns(doc)[1]
    for si, sent in enumerate(sentences(doc)):
        for i in range(sent.start, sent.end):
            if lemmas[i] == "be":  # most tokens: no Token object built
                yield si, doc[i]


def blame(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """ "X said Y was behind the attack": an accusation by the speaker, though no act verb names it."""
    out = list(found)
    for si, tok in _copulas(doc):
        if tok.dep_ not in ("ccomp", "parataxis"):
            continue
        blamed = any(
            (c.dep_ == "prep" and c.lower_ in BLAME_PREPS)
            or (c.dep_ == "acomp" and c.lower_ in BLAME_ADJECTIVES)
            or (c.dep_ == "acomp" and c.lower_ in NEUTRAL_ADJECTIVES and _for_harm(c))
            for c in tok.children
        )
        if not blamed or (speaker_tok := mod.reported_by(tok)) is None:
            continue
        speaker = speaker_actor(speaker_tok, res)
        accused = [a for c in tok.children if c.dep_ == "nsubj" for a in np_actors(c, res) if a != speaker]
        if speaker and accused and res.actors[speaker].kind is not ActorKind.MEDIA:
            out.append(_said(ACCUSE, si, speaker_tok, speaker, accused, 0.55, "blame"))
    return out


def wrongdoings(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """ "China said Indian troops violated the border protocols", "alleged that they crossed the line
    illegally": a wrong the speaker says another state's side did is the speaker's accusation of it."""
    out = list(found)
    said = disapprovals(found)
    lowers, lemmas = lex_columns(doc)
    # the verbs of a wrong, and the verbs "illegally" qualifies (no Token built for the other words)
    wrongs = {i for i, lemma in enumerate(lemmas) if lemma.lower() in WRONGDOING_VERBS}
    wrongs |= {doc[i].head.i for i, w in enumerate(lowers) if w in WRONG_MANNERS}
    for si, sent in enumerate(sentences(doc)):
        for i in sorted(j for j in wrongs if sent.start <= j < sent.end):
            tok = doc[i]
            if tok.pos_ != "VERB" or mod.stance(tok, noun=False).modality in (Modality.HYPOTHETICAL, Modality.DENIED):
                continue  # "will respond if Colombia violates its borders", "did not violate": no charge
            speaker_tok = mod.reported_by(tok) or _alleged_by(tok)
            if speaker_tok is None or (speaker := speaker_actor(speaker_tok, res)) is None:
                continue
            if res.actors[speaker].kind is ActorKind.MEDIA:
                continue
            home = state_of(speaker, res)
            doers = subject_actors(tok, res) or inherited_subject(tok, res)
            accused = [a for a in doers if a != speaker and (home is None or state_of(a, res) != home)]
            accused = [a for a in accused if (si, speaker, a) not in said]
            if accused:
                said.update((si, speaker, a) for a in accused)
                out.append(_said(ACCUSE, si, speaker_tok, speaker, accused, 0.55, "wrongdoing"))
    return out


def _alleged_by(tok: Token) -> Token | None:
    """The subject of "allege", "claim" or "accuse" whose clause the verb is ("alleged that X crossed")."""
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "conj") and node.head.lemma_.lower() in ALLEGE_HEADS:
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        node = node.head
    return None


def _for_harm(adjective: Token) -> bool:
    """ "responsible for the attack", "involved in the killing" (not "responsible for security")."""
    return any(
        p.lemma_.lower() in HARMS
        for c in adjective.children
        if c.dep_ == "prep" and c.lower_ in ("for", "in")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    )


def dismissals(doc: Doc, res: Resolved, found: list[Found], lex: Lexicon) -> list[Found]:
    """ "Iran said accusations that it had a role were baseless": the speaker rejects the charge (CAMEO 120).

    The one rejected is who the charge is of ("US accusations", "accusations by Washington"); else the
    accuser the answers pass finds (graph/extract/answers.py). The charge nouns and the dismissive words are
    the lexicon's (``charge_nouns``, ``dismissive_words`` in triggers.yaml).
    """
    out = list(found)
    lemmas = lex_columns(doc)[1]
    for si, tok in _copulas(doc):
        said = {
            w
            for c in tok.children
            if c.dep_ in ("acomp", "attr")
            for t in (c, *c.conjuncts)
            for w in (t.lower_, t.lemma_)
        }
        if not said & lex.dismissive_words:
            continue
        charges = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in lex.charge_nouns]
        if not charges and not any(c.dep_ == "nsubj" for c in tok.children):
            # "Iran said on Monday accusations ... were baseless": the parse hung the charge on "on Monday"
            before = range(tok.i - 1, tok.sent.start - 1, -1)
            charges = [doc[j] for j in before if lemmas[j].lower() in lex.charge_nouns][:1]
        if not charges or (speaker_tok := mod.reported_by(tok)) is None:
            continue
        speaker = speaker_actor(speaker_tok, res)
        if speaker is None or res.actors[speaker].kind is ActorKind.MEDIA:
            continue
        charge = charges[0]
        owners = [
            a
            for c in charge.children
            if c.dep_ in ("poss", "compound", "amod") and c.i < charge.i
            for a in np_actors(c, res)
        ]
        accusers = [a for a in owners + prep_actors(charge, res, ("by",)) if a != speaker]
        out.append(_said(DISMISS, si, speaker_tok, speaker, accusers, 0.6, "dismiss"))
    return out
