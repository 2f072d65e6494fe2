"""Incrimination: evidence or links that tie an actor to a harm are an accusation by whoever cites them.

News states many accusations without an accusing verb: "police uncovered evidence of a campaign
against Canadians by agents of the Indian government", "the statement tying Moscow to the attacks",
"reports confirmed linkages between the Taliban and militant groups", "Ottawa was investigating
the agents' links to the killing". Each holds a cue (an evidence noun: evidence, proof, links,
ties, involvement; or a linking verb: link, tie, connect, implicate), a harm inside the cue's
phrase (a crime, an attack, a criminal or clandestine activity) and an actor inside the same
phrase: the accused. The accuser is the speaker of the reported speech the cue sits in, else the
holder of the evidence (the subject of "have", "uncover", "confirm"...; the author of the
statement a linking verb qualifies; the subject of an active linking verb). One CAMEO 112 event
from the accuser to each accused actor of another state, with the rule ``incriminate:<cue>``.

No evidence, no accusation: a negated cue ("offered no evidence", "found no link") yields nothing,
and neither does a cue without a harm ("historic ties", "trade links").
"""

from __future__ import annotations

from graph.extract import modality as mod
from graph.extract.events import Found, np_actors, state_of
from graph.extract.lexicon import Entry
from graph.extract.nlp import Doc, Token, lex_columns, sentences
from graph.extract.reported import HARMS, disapprovals
from graph.extract.resolve import Resolved
from graph.model import ActorKind

ACCUSE = Entry(code="112", lemma="accuse", rule_name="incriminate")
EVIDENCE_NOUNS = {"evidence", "proof", "link", "linkage", "tie", "connection", "involvement", "complicity"}
HELD_NOUNS = {"evidence", "proof"}  # "Canada's evidence": the possessor holds it ("India's links": is accused)
LINKING_VERBS = {"link", "tie", "connect", "implicate"}
# verbs whose subject holds, finds or shows the evidence named by their object
HOLDING_VERBS = {
    "have",
    "hold",
    "find",
    "uncover",
    "gather",
    "collect",
    "obtain",
    "present",
    "provide",
    "produce",
    "show",
    "reveal",
    "confirm",
    "cite",
    "claim",
    "investigate",
    "probe",
    "examine",
    "establish",
}
# harm words beyond the acts of reported.HARMS: the kinds of wrongdoing evidence ties people to
WRONGDOING = HARMS | {
    "criminal",
    "terrorism",
    "terrorist",
    "militant",
    "extremist",
    "extortion",
    "intimidation",
    "coercion",
    "repression",
    "espionage",
    "spying",
    "interference",
    "clandestine",
    "covert",
    "illegal",
    "illicit",
    "violent",
    "campaign",
    "genocide",
    "corruption",
    "smuggling",
    "trafficking",
    "laundering",
    "fraud",
    "hacking",
    "cyberattack",
    "poisoning",
}
NEGATORS = {"no", "not", "never", "without", "nor"}


def find(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """``found`` plus one accusation per accuser and accused of each evidence or linking cue."""
    out = list(found)
    said = disapprovals(found)
    lemmas = lex_columns(doc)[1]
    for si, sent in enumerate(sentences(doc)):
        for i in range(sent.start, sent.end):
            if lemmas[i] not in EVIDENCE_NOUNS and lemmas[i] not in LINKING_VERBS:
                continue  # most tokens: no Token object built
            cue = doc[i]
            is_noun = cue.pos_ == "NOUN" and cue.lemma_.lower() in EVIDENCE_NOUNS
            if not is_noun and not (cue.pos_ == "VERB" and cue.lemma_.lower() in LINKING_VERBS):
                continue
            if _negated(cue) or not _names_wrongdoing(cue) or _inside_cue(cue, lemmas):
                continue
            accuser = _accuser(cue, res, is_noun)
            if accuser is None:
                continue
            home = state_of(accuser, res)
            accused = [
                a
                for a in _accused(cue, res)
                if a != accuser and (home is None or state_of(a, res) != home) and (si, accuser, a) not in said
            ]
            if not accused:
                continue
            said.update((si, accuser, a) for a in accused)
            out.append(
                Found(
                    ACCUSE,
                    si,
                    cue.i,
                    actors=[accuser],
                    targets=accused,
                    confidence=0.5,
                    rule=f"incriminate:{cue.lemma_.lower()}",
                )
            )
    return out


def _negated(cue: Token) -> bool:
    """ "no evidence", "found no link", "did not find evidence"."""
    if any(c.lower_ in NEGATORS and c.dep_ in ("det", "neg", "advmod") for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ in ("dobj", "attr") and any(c.dep_ == "neg" for c in head.children)


def _inside_cue(cue: Token, lemmas: list[str]) -> bool:
    """ "evidence of India's involvement in crimes": the outer cue speaks for the inner one."""
    return any(lemmas[a.i] in EVIDENCE_NOUNS or lemmas[a.i] in LINKING_VERBS for a in cue.ancestors)


def _names_wrongdoing(cue: Token) -> bool:
    """Whether the cue's phrase (its own subtree, the subject excluded) names a harm."""
    return any(t.lemma_.lower() in WRONGDOING for t in _phrase(cue))


def _phrase(cue: Token) -> list[Token]:
    """The cue's subtree without its subject: what the evidence or link is about."""
    out: list[Token] = []
    for c in cue.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc", "conj"):
            out.extend(c.subtree)
    return out


def _accused(cue: Token, res: Resolved) -> list[str]:
    """Actors (not places) named inside the cue's phrase, and the subject of a passive link."""
    keys: list[str] = []
    tokens = _phrase(cue)
    if cue.lemma_.lower() not in HELD_NOUNS:
        tokens += [t for c in cue.children if c.dep_ == "poss" for t in c.subtree]  # "the agents' links"
    if cue.pos_ == "VERB" and cue.dep_ != "acl":
        tokens += [t for c in cue.children if c.dep_ == "nsubjpass" for t in c.subtree]
    for t in tokens:
        key = res.at(t.i)
        if not key or key in keys or res.actors[key].kind is ActorKind.SITE:
            continue
        owner = res.at(t.head.i) if t.dep_ in ("amod", "compound") else None
        if owner and owner != key and res.actors[key].kind is ActorKind.STATE:
            continue  # "the Afghan Taliban": the group is accused, not its country
        keys.append(key)
    return keys


def _accuser(cue: Token, res: Resolved, is_noun: bool) -> str | None:
    """The speaker of the reported speech the cue is in, else the holder of the evidence."""
    speaker = mod.reported_by(cue)
    if speaker is not None and (key := res.at(speaker.i)) is not None:
        return key
    holder = _holder(cue, is_noun)
    if holder is None:
        return None
    found = np_actors(holder, res)
    return found[0] if found else None


def _holder(cue: Token, is_noun: bool) -> Token | None:
    """Who holds the evidence or states the link."""
    if is_noun:
        if cue.dep_ in ("dobj", "nsubjpass") and cue.head.lemma_.lower() in HOLDING_VERBS:
            return _subject(cue.head)
        if cue.lemma_.lower() in HELD_NOUNS:
            return next((c for c in cue.children if c.dep_ == "poss"), None)  # "Canada's evidence"
        return None
    if cue.dep_ == "acl":  # "a statement tying India to the crimes": its author
        owner = cue.head
        author = next((c for c in owner.children if c.dep_ == "poss"), None)
        if author is None and owner.dep_ == "dobj":
            author = _subject(owner.head)  # "the government issued a statement tying ..."
        return author or owner
    return next((c for c in cue.children if c.dep_ == "nsubj"), None)  # "police linked X to Y"


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):  # "Canada was investigating": the subject; "saying they had": through xcomp/conj
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None
