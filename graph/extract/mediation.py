"""Mediation: a third party that brokers, hosts, leads or witnesses the talks or the deal of two others.

News rarely says "X mediated between Y and Z". It says "the US-brokered deal", "talks hosted by Qatar",
"Erdogan hosted the talks", "negotiations led by Washington", "Rubio witnessed the signing", "Egypt is
among the mediators". Each such cue names the mediator; the parties are the participants of the
process it names: a symmetric event (talks, meeting, agreement, signing) of the same sentence, else the
nearest such event within a few sentences (the story's pair). One CAMEO 045 event per mediator, directed
at the parties, with the cue in its rule.
"""

from __future__ import annotations

from graph.extract.events import Found, inherited_subject, np_actors
from graph.extract.lexicon import Entry
from graph.extract.nlp import Doc, Token, lex_columns, sentences
from graph.extract.pairs import is_pair, pair_actors
from graph.extract.resolve import Resolved
from graph.model import ActorKind, Modality

MEDIATE = Entry(code="045", lemma="mediate", rule_name="mediation")
# verbs whose subject (or agent, or the name hyphenated before them: "US-brokered") runs the process
MEDIATING_VERBS = {
    "broker",
    "mediate",
    "host",
    "facilitate",
    "witness",
    "lead",
    "back",
    "sponsor",
    "convene",
    "oversee",
    "arrange",
    "steer",
    "chair",
    "participate",  # a third party taking part in, or joining, the talks of two others
    "join",
    "take",  # "took part in the talks" (only with "part" as its object: see _cues)
}
# nouns of the processes a third party can run
PROCESS_NOUNS = {
    "talk",
    "negotiation",
    "deal",
    "agreement",
    "accord",
    "treaty",
    "ceasefire",
    "truce",
    "signing",
    "ceremony",
    "meeting",
    "summit",
    "declaration",
    "dialogue",
    "process",
    "round",
    "peace",
    "mediation",
    "pact",
    "conference",
}
# verbs whose process follows "in" ("participated in the talks", "took part in the Doha talks")
IN_PROCESS = {"participate", "take"}
# nouns of a stretch of a process: "weeks of talks", "several rounds of dialogue"
SPANS = {"week", "month", "day", "year", "round", "series", "number", "couple", "session"}
MEDIATOR_NOUNS = {"mediator", "broker", "facilitator", "intermediary", "go-between", "mediation"}
# codes of events whose participants are parties to a process (consultations, negotiations, agreements)
PARTY_CODES = ("04", "057", "046", "03", "0841")  # ... and prisoner exchanges
REACH = 3  # sentences between a cue and the process it refers to


def find(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """The events found, with mediation added: a cue verb's own reading ("hosted the talks" as a visit
    hosted) gives way to the mediation, and a 045 event without parties gets them."""
    added = _mediations(doc, res, found)
    cues = {(f.sent_index, f.trigger) for f in added}
    mediators = {(f.sent_index, k) for f in added for k in f.actors}
    kept = [
        f
        for f in found
        if (f.sent_index, f.trigger) not in cues
        and not (f.entry.code == "045" and not f.targets and {(f.sent_index, k) for k in f.everyone} & mediators)
        # "the EU and the US were trying to mediate and finalize the talks": the mediators hold no talks together
        and not (f.participants and {(f.sent_index, k) for k in f.participants} <= mediators)
    ]
    return kept + added


def _mediations(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """Mediation events of the doc, given the events already found in it."""
    sents = sentences(doc)
    parties_by_sentence: dict[int, list[list[str]]] = {}
    for f in found:
        if (
            f.participants
            and len(f.participants) >= 2
            and f.entry.code.startswith(PARTY_CODES)
            and doc[f.trigger].lemma_.lower() not in MEDIATING_VERBS  # "for hosting talks" read as a visit hosted
        ):
            parties_by_sentence.setdefault(f.sent_index, []).append(f.participants)
    out: list[Found] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    _lowers, lemmas = lex_columns(doc)
    cue_words = MEDIATING_VERBS | MEDIATOR_NOUNS
    for si, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            if lemmas[i].lower() not in cue_words:
                continue  # most tokens: no Token object built
            tok = doc[i]
            for mediator, cue in _cues(tok, res):
                parties = _principal(_parties(si, tok, res, parties_by_sentence, mediator), res)
                if not parties or res.actors[mediator].kind is ActorKind.SITE:
                    continue
                key = (mediator, tuple(sorted(parties)))
                if key in seen:
                    continue
                seen.add(key)
                process = next((f for f in found if f.sent_index == si and set(parties) <= set(f.participants)), None)
                out.append(
                    Found(
                        MEDIATE,
                        si,
                        tok.i,
                        actors=[mediator],
                        targets=parties,
                        modality=process.modality if process else Modality.ASSERTED,
                        date=process.date if process else None,
                        date_weak=process.date_weak if process else False,
                        confidence=0.6,
                        rule=f"mediation:{cue}",
                    )
                )
    return out


def _cues(tok: Token, res: Resolved) -> list[tuple[str, str]]:
    """(mediator, cue) pairs that this token starts."""
    lemma = tok.lemma_.lower()
    out: list[tuple[str, str]] = []
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
        return out
    if lemma in MEDIATING_VERBS and tok.pos_ in ("VERB", "ADJ") and _runs_a_process(tok):
        if _hyphenated(tok) and (k := res.at(tok.i - 2)):
            out.append((k, f"{lemma}-compound"))  # "US-brokered deal", "Qatar-backed talks"
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.dep_ in ("acl", "amod")
        credited = _credited(tok, res)
        if credited:
            out += [(k, f"{lemma}-credited") for k in credited]  # "thanked Oman for hosting the talks"
        elif not passive and not any(c.dep_ == "nsubj" for c in tok.children):
            out += [(k, lemma) for k in inherited_subject(tok, res)]  # "hosted and supported", "tried to broker"
        for c in tok.children:
            if c.dep_ == "agent":
                out += [(k, f"{lemma}-by") for p in c.children if p.dep_ == "pobj" for k in np_actors(p, res)]
            elif c.dep_ in ("nsubj",) and not passive:
                out += [(k, lemma) for k in np_actors(c, res)]
    elif lemma in MEDIATOR_NOUNS and tok.pos_ == "NOUN":
        for c in tok.children:  # "Qatar's mediation", "Egyptian mediators", "mediators Qatar and Egypt"
            if c.dep_ in ("poss", "compound", "amod", "appos", "nmod"):
                out += [(k, f"{lemma}-noun") for k in np_actors(c, res)]
            elif c.dep_ == "prep" and c.lower_ == "by":
                out += [(k, f"{lemma}-noun") for p in c.children if p.dep_ == "pobj" for k in np_actors(p, res)]
        if tok.dep_ == "pobj" and tok.head.lower_ == "among":  # "X is among the mediators"
            verb = tok.head.head
            out += [
                (k, f"{lemma}-noun") for c in verb.children if c.dep_.startswith("nsubj") for k in np_actors(c, res)
            ]
    return list(dict.fromkeys(out))


def _credited(tok: Token, res: Resolved) -> list[str]:
    """The object of the verb that credits a mediation: "thanked Oman for hosting", "praised X for brokering"."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "for" or any(c.dep_ == "nsubj" for c in tok.children):
        return []
    head = tok.head.head  # "thanked" or "gratitude" in "expressed gratitude to Oman for hosting"
    out: list[str] = []
    if head.pos_ == "ADP" and head.lower_ == "to":  # "..., and to the Chinese government for hosting"
        out += [k for p in head.children if p.dep_ == "pobj" for k in np_actors(p, res)]
    for node in (head, head.head) if head.dep_ in ("dobj", "conj") else (head,):
        out += [k for c in node.children if c.dep_ == "dobj" for k in np_actors(c, res)]
        out += [
            k
            for c in node.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children
            for k in np_actors(p, res)
        ]
    return list(dict.fromkeys(out))


def _runs_a_process(tok: Token) -> bool:
    """Whether the verb's object, passive subject or modified noun is a process ("hosted the talks",
    "hosted weeks of talks", "hosted several rounds of dialogue")."""
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.lemma_.lower() in IN_PROCESS:  # "participated in the talks", "took part in the talks"
        nouns += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]
    if tok.lemma_.lower() == "join":  # "joined the adviser in Doha for talks"
        nouns += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
    nouns += [
        p for n in list(nouns) if n.lemma_.lower() in SPANS for c in n.children if c.lower_ == "of" for p in c.children
    ]
    for conj in tok.conjuncts:  # "hosted and supported the talks": the object hangs from one of them
        nouns += [c for c in conj.children if c.dep_ == "dobj"]
        if conj.i > tok.i:  # "hosting, supporting and contributing to the success of the talks"
            nouns += [t for t in conj.subtree if t.pos_ == "NOUN" and t.i > conj.i]
    if tok.dep_ in ("acl", "amod") or (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN")):
        nouns.append(tok.head)
    if _hyphenated(tok):
        nouns.append(tok.head)
    return any(n.lemma_.lower() in PROCESS_NOUNS or _names_process(n) for n in nouns)


def _hyphenated(tok: Token) -> bool:
    """The second half of "US-brokered": a hyphen and a word before it."""
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-"


def _names_process(noun: Token) -> bool:
    """ "the signing ceremony", "peace talks": a compound whose words include a process noun."""
    return any(c.dep_ == "compound" and c.lemma_.lower() in PROCESS_NOUNS for c in noun.children)


def _subtree_actors(tok: Token, res: Resolved) -> list[str]:
    """Every actor named in a phrase, in order ("the DRC and the Republic of Rwanda": the parse hangs the
    second from inside the first)."""
    return list(dict.fromkeys(k for t in tok.subtree if (k := res.at(t.i))))


def _named_parties(tok: Token, res: Resolved) -> list[str]:
    """The actors (not places) a "between" phrase names."""
    return [k for k in _subtree_actors(tok, res) if res.actors[k].kind is not ActorKind.SITE]


def _principal(parties: list[str], res: Resolved) -> list[str]:
    """States and organisations when the process has at least two ("Rwanda, the DRC and Rubio signed":
    the parties are the two states, Rubio signs for neither)."""
    kinds = (ActorKind.STATE, ActorKind.IGO, ActorKind.ORGANIZATION)
    principal = [k for k in parties if res.actors[k].kind in kinds]
    return principal if len(principal) >= 2 else parties


def _parties(si: int, tok: Token, res: Resolved, by_sentence: dict[int, list[list[str]]], mediator: str) -> list[str]:
    """The parties of the process: "between X and Y" on the process noun, else the participants of the
    nearest symmetric event (this sentence first, then earlier, then later ones within REACH)."""
    sent = tok.sent  # the mediators named in the cue's own sentence are no parties of "the two states"
    mediators = frozenset({mediator, *(k for t in sent if t.i < tok.i and (k := res.at(t.i)))})
    todo = [(n, 0) for n in (tok.head, *tok.children, *(g for c in tok.conjuncts for g in c.children))]
    while todo:  # "hosted the signing of the agreement between X and Y", "talks on normalising ties between X and Y"
        noun, depth = todo.pop(0)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                found = [
                    k
                    for p in c.children
                    if p.dep_ == "pobj"
                    for k in (_named_parties(p, res) or (pair_actors(p, res, mediators) if is_pair(p) else []))
                    if k != mediator
                ]
                if len(found) >= 2:
                    return found
            elif c.dep_ in ("prep", "pcomp", "dobj", "pobj") and c.lower_ not in ("by", "with") and depth < 3:
                todo.append((c, depth + 1))  # through "of", "on", "over", a gerund and its object
    thankers = _thankers(tok, res, mediator)
    if thankers:
        return thankers
    for distance in range(REACH + 1):
        for other in (si - distance, si + distance) if distance else (si,):
            for parts in by_sentence.get(other, []):
                rest = [k for k in parts if k != mediator]
                if len(rest) >= 2:
                    return rest
    return []


def _thankers(tok: Token, res: Resolved, mediator: str) -> list[str]:
    """ "X and Y thanked Z for hosting the talks": those who credit a host with their talks are its parties."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "for":
        return []
    node = tok.head.head
    for _ in range(3):  # up from "gratitude" or a coordinated "to" to the verb
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    found = [k for c in node.children if c.dep_ == "nsubj" for k in np_actors(c, res) if k != mediator]
    return found if len(found) >= 2 else []
