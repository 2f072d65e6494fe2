"""Modality of an event mention: asserted, planned, alleged, denied or hypothetical.

Read from the dependency parse around the trigger: negation ("did not meet" -> denied),
future auxiliaries and plan verbs ("will meet", "set to", "scheduled to", "announced ... meeting"
-> planned), modal and conditional contexts ("could", "if", "threatened to" -> hypothetical),
hedges and accusations ("alleged", "accused of" -> alleged), and verbs of denial governing the
event ("denied meeting" -> denied). Also finds the claimant of reported speech ("X said ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.modality_words import (
    ADJUNCT_PREPS,
    ALLEGE_HEADS,
    COMMITMENTS,
    DECISION_HEADS,
    DENY_HEADS,
    FUTURE_AUX,
    HEDGES,
    HYPOTHETICAL_HEADS,
    HYPOTHETICAL_MODIFIERS,
    MODAL_AUX,
    NEGATIONS,
    OCCURRING_VERBS,
    PERMIT_HEADS,
    PLACE_PREPS,
    PLAN_HEADS,
    PLAN_MODIFIERS,
    PLAN_NOUNS,
    SAY_VERBS,
    SCHEDULE_NOUNS,
    SPOKEN_ACTS,
)
from graph.extract.nlp import Token
from graph.model import Modality


@dataclass(frozen=True)
class Stance:
    """The modality of a mention, who holds it (if not the outlet), and the rule that decided it."""

    modality: Modality
    rule: str
    holder: Token | None = None  # token whose actor is the claimant (speaker, accuser, denier)
    head: Token | None = None  # the word that decided it ("refused" in "refused to deploy"), if not the trigger


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return gerund_subject(child) or child
    return None


def gerund_subject(subject: Token) -> Token | None:
    """The noun of a subject the parse made a gerund's own subject: "The Red Cross operating in Iraq said" is
    parsed with "operating" as the subject of "said" and "Red Cross" as its subject."""
    if subject.tag_ != "VBG":
        return None
    return next((c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def future_or_modal(trigger: Token) -> bool:
    """Whether the trigger has a future or modal auxiliary ("will not attend", "would not provide")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | MODAL_AUX for c in trigger.children)


def stance(trigger: Token, *, noun: bool) -> Stance:
    """The modality of the event named by ``trigger`` (a verb or an event noun)."""
    children = list(trigger.children)
    lower = {c.lower_ for c in children}
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det")) for c in children):
        return Stance(Modality.DENIED, "negation")
    doc = trigger.doc
    if lower & HEDGES or any(
        doc[j].lower_ in HEDGES and _modifies(doc[j], trigger) for j in range(max(0, trigger.i - 3), trigger.i)
    ):
        return Stance(Modality.ALLEGED, "hedge")
    if (
        trigger.dep_ == "conj"
        and trigger.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
        and any(c.lower_ in HEDGES for c in trigger.head.children)
    ):
        return Stance(Modality.ALLEGED, "hedge")  # "allegedly kidnapped and killed": both are alleged
    if noun:
        if lower & PLAN_MODIFIERS:
            return Stance(Modality.PLANNED, "planned-modifier")
        if lower & HYPOTHETICAL_MODIFIERS and not lower & {"new"}:
            return Stance(Modality.HYPOTHETICAL, "hypothetical-modifier")
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in aux) or _going_to(trigger):
        return Stance(Modality.PLANNED, "future-auxiliary")
    if (modal := _modal(trigger)) is not None:
        # "Israel announced it would free 150 prisoners": the future of a past report, not a hypothesis
        return Stance(modal, "future-auxiliary" if modal is Modality.PLANNED else "modal-auxiliary")
    if trigger.dep_ == "ROOT" and any(a.lower_ == "to" for a in aux):  # headline "X to meet Y"
        return Stance(Modality.PLANNED, "headline-infinitive")
    head = trigger.head
    via = trigger.dep_
    if noun and via in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRING_VERBS:
        # "a deal would materialise", "the talks will take place": the noun's event is as its predicate is
        told = stance(head, noun=False)
        if told.modality in (Modality.PLANNED, Modality.HYPOTHETICAL, Modality.DENIED):
            return told
    if noun and via == "dobj" and head.pos_ == "VERB":
        # a plan, a modal or a negation on the noun's light verb is the noun's: "plans to place sanctions",
        # "could impose sanctions"; not a commitment, which keeps its noun's own reading ("agreed to deepen
        # cooperation" is cooperation, and its intent is the commitment's)
        light = stance(head, noun=False)
        committed = light.head is not None and light.head.lemma_.lower() in COMMITMENTS
        if light.modality in (Modality.PLANNED, Modality.HYPOTHETICAL, Modality.DENIED) and not committed:
            return light
    steps = 0
    node = trigger
    while node.head.i != node.i and steps < 4:  # climb through complements: "set to meet", "agreed to hold"
        head, via = node.head, node.dep_
        if via == "prep" and node.lower_ in ADJUNCT_PREPS and (node.lower_ not in PLACE_PREPS or _stance_head(head)):
            # "after a round of negotiations, the two sides agreed": what came before the plan took place;
            # "in", "at" are the setting of a plan ("agreed at the summit"), not of "participate in a war"
            break
        if (
            via == "dobj"
            and node.i != trigger.i
            and node.pos_ == "NOUN"
            and node.lemma_.lower() not in PLAN_NOUNS | SCHEDULE_NOUNS
        ):
            break  # "promised aid to the victims of the war": the aid is promised, the war goes on
        if (
            via == "prep"
            and head.lemma_.lower() in COMMITMENTS
            and any(c.dep_ == "dobj" and c.lemma_.lower() not in SCHEDULE_NOUNS for c in head.children)
        ):
            break  # "pledged backing for Russia's war": what is pledged is the object, the war is what it is for
        if via in (
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "pcomp",
            "ccomp",
            "acomp",
            "attr",
            "oprd",
            "nsubjpass",
            "appos",
            "npadvmod",
        ):
            lemma = head.lemma_.lower()
            if via == "ccomp" and not _clause_of_its_own(node):
                break  # "X denied any role and the ministry rejected ...": a coordination parsed as content
            if _future_chain(head) if via == "dobj" else via == "xcomp" and _future(head):
                return Stance(Modality.PLANNED, "future-auxiliary")  # "will start imposing (duties)"
            if via == "xcomp" and (modal := _modal(head)) is not None:
                # "would be obliged to join", "said it would begin to"
                return Stance(modal, "modal-head", _subject(head), head)
            if lemma in DENY_HEADS:
                return Stance(Modality.DENIED, f"denied-by-{lemma}", _subject(head), head)
            if lemma in ALLEGE_HEADS and via in ("ccomp", "pobj", "prep", "xcomp"):
                return Stance(Modality.ALLEGED, f"alleged-by-{lemma}", _subject(head), head)
            if lemma in DECISION_HEADS and via == "xcomp":
                if _taken(head):
                    return Stance(Modality.ASSERTED, f"decided-by-{lemma}", _subject(head), head)
                return Stance(Modality.PLANNED, f"planned-by-{lemma}", _subject(head), head)
            if lemma in PLAN_HEADS and via != "ccomp" and not (via == "dobj" and node.lemma_.lower() in SPOKEN_ACTS):
                return Stance(Modality.PLANNED, f"planned-by-{lemma}", _subject(head), head)
            if via == "prep" and (plan := _plan_noun(head)) is not None:
                return Stance(Modality.PLANNED, f"planned-by-{plan.lemma_.lower()}", None, head)
            if lemma in HYPOTHETICAL_HEADS and via in ("xcomp", "dobj", "prep", "pobj"):
                return Stance(Modality.HYPOTHETICAL, f"hypothetical-by-{lemma}", _subject(head), head)
            if lemma in PERMIT_HEADS and via in ("xcomp", "ccomp"):
                return Stance(Modality.HYPOTHETICAL, f"permitted-by-{lemma}", _subject(head), head)
            if any(c.dep_ == "neg" for c in head.children) and via in ("xcomp",):
                return Stance(Modality.DENIED, "negated-head", None, head)
            if via not in ("prep", "pobj", "pcomp", "appos", "npadvmod"):
                break
        else:
            break
        node = head
        steps += 1
    clause = _conditional(trigger)
    if clause is not None:
        return Stance(Modality.HYPOTHETICAL, "conditional", None, clause.head if clause.head.i != clause.i else None)
    return Stance(Modality.ASSERTED, "default")


def _plan_noun(head: Token) -> Token | None:
    """The planning noun a "for" phrase hangs on: the head itself, or the subject of the verb it is."""
    if head.lemma_.lower() in PLAN_NOUNS:
        return head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in PLAN_NOUNS), None)


def _clause_of_its_own(verb: Token) -> bool:
    """Whether a complement clause reads as one: it has a subject or a "that"/"whether"/"if", and it does
    not start after "and"/"but". Otherwise it is a second clause the parse hung under "denied"."""
    start = verb.left_edge.i
    if start > 0 and verb.doc[start - 1].pos_ == "CCONJ":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children) or any(
        c.dep_ == "mark" for c in verb.children
    )


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "ccomp", "xcomp", "advcl"})


def _modifies(hedge: Token, trigger: Token) -> bool:
    """Whether a hedge word ("alleged", "reportedly") qualifies the trigger itself, and not one of its
    arguments: in "for alleged ties Petro denies" the hedge is about the ties, not the denial."""
    node = hedge
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.head.i == trigger.i:
            return node.dep_ not in ARGUMENT_DEPS
        if node.dep_ in ARGUMENT_DEPS:
            return False
        node = node.head
    return False


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _future_chain(verb: Token) -> bool:
    """Whether the verb an event noun is the object of lies ahead: "will impose duties", "will start imposing
    duties" (a future auxiliary on the verb or on the verb it completes)."""
    return _future(verb) or (verb.dep_ == "xcomp" and _future(verb.head))


def _taken(verb: Token) -> bool:
    """A verb in a past tense, not negated and without a future or modal auxiliary ("decided", "has decided")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & (FUTURE_AUX | MODAL_AUX) or any(c.dep_ == "neg" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"has", "have", "had"}))


def _going_to(trigger: Token) -> bool:
    head = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_ == "go"
        and any(c.lower_ == "to" for c in trigger.children)
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def _conditional(trigger: Token) -> Token | None:
    """The "if"/"unless" clause the trigger sits in, if any, or an "until" clause of what lies ahead ("the
    measures would stay until Israel allowed aid in")."""
    node = trigger
    for _ in range(4):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & {"if", "unless"} or ("until" in marks and node.dep_ == "advcl" and future_or_modal(node.head)):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def reported_by(trigger: Token) -> Token | None:
    """Subject of a verb of saying that governs the trigger's clause ("Officials said X attacked Y")."""
    node = trigger
    for _ in range(4):
        if node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SAY_VERBS:
            return _subject(node.head)
        node = node.head
    return None


def _reported_past(trigger: Token) -> bool:
    """Whether the trigger's clause is what a verb of saying in the past reports ("said it would ...")."""
    node = trigger
    for _ in range(3):
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in SAY_VERBS | {"promise", "pledge", "confirm"}:
            return node.head.tag_ in ("VBD", "VBN")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _stance_head(word: Token) -> bool:
    """Whether a word may carry the modality of what it governs (a noun, or a verb of planning, deciding,
    committing, wanting or denying)."""
    return word.pos_ in ("NOUN", "PROPN") or word.lemma_.lower() in STANCE_HEADS


STANCE_HEADS = PLAN_HEADS | DECISION_HEADS | COMMITMENTS | HYPOTHETICAL_HEADS | PERMIT_HEADS | ALLEGE_HEADS | DENY_HEADS


def _modal(verb: Token) -> Modality | None:
    """What a modal on a verb makes of the clause it governs: the future of a past report is planned
    ("said it would begin to withdraw"), any other modal hypothetical ("would have to", "could move to")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} & MODAL_AUX
    if not aux:
        return None
    if aux == {"would"} and _reported_past(verb) and not _if_clause(verb):
        return Modality.PLANNED
    return Modality.HYPOTHETICAL


def _if_clause(trigger: Token) -> bool:
    """An "if" or "unless" clause on the trigger ("would attack if ..."): a hypothesis after all."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in trigger.children)
