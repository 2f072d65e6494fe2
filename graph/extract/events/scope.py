"""Scope of an event mention: statements of intent, refusals, acts governed by an appeal, demand or
threat, and announcements coded by their content."""

from __future__ import annotations

from dataclasses import replace

from graph.extract.events.found import Found
from graph.extract.events.subjects import inherited_subject, subject_actors
from graph.extract.events.targets import CONDITION_MARKS
from graph.extract.events.words import DEMAND
from graph.extract.lexicon import DOCUMENT_NOUNS
from graph.extract.nlp import Doc, Token
from graph.extract.resolve import Resolved
from graph.model import Modality

# -- statements of intent ----------------------------------------------------------------------------
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
INTENT_RULES = (
    "future-auxiliary",
    "planned-by-agree",
    "planned-by-promise",
    "planned-by-pledge",
    "planned-by-vow",
    "planned-by-offer",
    "planned-by-ready",
    "planned-by-prepared",
    "planned-by-willing",
    "planned-by-intend",
    "planned-by-decide",
    "planned-by-plan",
    "planned-by-prepare",
)


SCHEDULED_ROOTS = {"04"}  # planned meetings and visits stay events of their own beside the intent
REFUSAL_CODES = {"04": "1246", "05": "1212", "06": "1211", "07": "121", "08": "124", "03": "125"}


def _refusals(found: list[Found]) -> list[Found]:
    """ "X will not / would not do Y" is a refusal now (CAMEO 12), not a denied act."""
    out = []
    for f in found:
        if f.refusal and (f.actors or f.participants):
            code = REFUSAL_CODES.get(f.entry.code[:2], "120")
            actors = f.actors or f.participants[:1]
            targets = f.targets or f.participants[1:]
            f = replace(
                f,
                entry=replace(f.entry, code=code, symmetric=False),
                actors=list(actors),
                targets=list(targets),
                participants=[],
                modality=Modality.ASSERTED,
                rule=f.rule + "/refusal",
            )
        out.append(f)
    return out


CONTENT_ROOTS = {"02", "10", "13"}  # appeals, demands, threats: their object clause is what is wished, not done
CONTENT_DEPS = {"ccomp", "xcomp", "acl", "pcomp", "prep", "advcl", "pobj", "relcl"}


def _drop_governed(found: list[Found], doc: Doc, mentioned: list[Found]) -> list[Found]:
    """Content of another event of the sentence is not an event of its own; the governing event stands for it.

    That is: a hypothetical act under another trigger ("refused to deploy", "if Y accepted"), a planned
    one (but planned meetings and visits stay, as scheduled happenings), an act asked for, demanded or
    threatened ("demanded that the EC refuse", "threatened to storm"), and an act named inside an event
    noun ("a demand to sever ties", "an appeal for deploying troops"), and a document that is the subject of
    the act it does ("a statement by X condemned Y").
    """
    by_token = {(f.sent_index, f.trigger): f for f in mentioned}
    by_token.update({(f.sent_index, f.trigger): f for f in found})
    keep = []
    for f in found:
        gov = by_token.get((f.sent_index, f.governor)) if f.governor is not None else None
        if gov is None and f.governor is not None and f.modality is Modality.HYPOTHETICAL:
            node = doc[f.governor]
            for _ in range(2):  # "threatened to launch ... unless Baghdad accepted": the condition of a threat
                node = node.head
                gov = by_token.get((f.sent_index, node.i)) or gov
        if (
            gov is not None
            and gov.trigger != f.trigger
            and (
                f.modality is Modality.HYPOTHETICAL
                or (f.modality is Modality.PLANNED and f.entry.code[:2] not in SCHEDULED_ROOTS)
            )
        ):
            continue
        if not f.entry.noun and _content_of(doc[f.trigger], f, by_token):
            continue
        if f.entry.noun and _speaks_through(doc[f.trigger], f, by_token):
            continue
        keep.append(f)
    return keep


def _speaks_through(noun: Token, f: Found, by_token: dict[tuple[int, int], Found]) -> bool:
    """ "A statement by the ministry condemned X": the document is how the act it is the subject of is done."""
    return (
        noun.lemma_.lower() in DOCUMENT_NOUNS
        and noun.dep_ == "nsubj"
        and (gov := by_token.get((f.sent_index, noun.head.i))) is not None
        and gov.trigger != f.trigger
    )


def _content_of(tok: Token, f: Found, by_token: dict[tuple[int, int], Found]) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
            return False
        via, child = node.dep_, node
        node = node.head
        gov = by_token.get((f.sent_index, node.i))
        if gov is None or gov.trigger == f.trigger:
            continue
        if gov.entry.noun and via == "acl" and node.lemma_.lower() in DOCUMENT_NOUNS:
            return False  # "a statement condemning X": what the statement does is its author's act
        if gov.entry.noun and via in ("acl", "pcomp", "prep", "pobj", "relcl"):
            return True
        # "threatened (on Monday) to impose": an infinitive the parse hangs as an adverbial clause is content too
        infinitive = via == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if (
            gov.entry.code[:2] in CONTENT_ROOTS
            and (gov.entry.rule_name is None or gov.entry == DEMAND)  # what one says another must do is content too
            and (via in ("ccomp", "xcomp") or infinitive)
        ):
            return True
    return False


THREAT_CODES = {"04": "131", "05": "131", "06": "131", "07": "131", "08": "131", "16": "131", "17": "137"}


def _on_condition(tok: Token) -> bool:
    """Whether the act is made to depend on another's conduct: "will withdraw ... unless Y arranges a ceasefire"."""
    for node in (tok, *[c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                return True
    return False


def _with_intents(found: list[Found], doc: Doc, res: Resolved) -> list[Found]:
    """A planned act the actor announces ("X will send aid to Y") is also a statement of intent now (CAMEO 03/13).

    Both are kept: the intent, asserted on the day it is said, as CAMEO codes it; and the act itself with
    the modality planned, as news reports and coders of events (PETRARCH, the news dev set) read it, and
    so that a later report of the act done can be linked to its announcement. A planned act made
    conditional on the target's conduct ("X will withdraw its troops unless Y ...") is a threat (CAMEO
    13) and nothing more: the act is only what happens if the condition fails.
    """
    out = list(found)
    for f in found:
        if f.modality is not Modality.PLANNED or not any(r in f.rule for r in INTENT_RULES):
            continue
        code = INTENT_CODES.get(f.entry.code[:2])
        if code is None or not (f.actors or f.participants):
            continue
        suffix = "/intent"
        if _on_condition(doc[f.trigger]):
            code = THREAT_CODES.get(f.entry.code[:2], "138" if f.entry.code[:2] in ("18", "19", "20") else "130")
            suffix = "/threat-on-condition"
        if suffix == "/threat-on-condition" and f.entry.code[:2] not in SCHEDULED_ROOTS:
            out.remove(f)
        # a joint act ("Bosnia and Slovenia agreed to a ceasefire") is a joint intent, of no direction
        joint = not f.actors and len(f.participants) > 1 and suffix == "/intent" and _plural_subject(doc[f.trigger])
        entry = replace(f.entry, code=code, symmetric=joint)
        actors = [] if joint else f.actors or _offerer(f, doc, res) or f.participants[:1]
        targets = [] if joint else f.targets or [k for k in f.participants if k not in actors]
        out.append(
            replace(
                f,
                entry=entry,
                actors=list(actors),
                targets=list(targets),
                participants=list(f.participants) if joint else [],
                modality=Modality.ASSERTED,
                date=None,
                date_weak=False,
                rule=f.rule + suffix,
                confidence=round(max(0.05, f.confidence - 0.1), 2),
            )
        )
    return out


def _offerer(f: Found, doc: Doc, res: Resolved) -> list[str]:
    """The side of a joint act that offers, promises or agrees to it alone ("Japan offered talks to China")."""
    if f.governor is None:
        return []
    head = doc[f.governor]
    return [k for k in subject_actors(head, res) or inherited_subject(head, res) if k in f.participants][:1]


PLURAL_PRONOUNS = {"they", "we", "both"}


def _plural_subject(tok: Token) -> bool:
    """Whether the clause that carries the act has a plural or coordinated subject ("Iran and Saudi Arabia
    agreed to restore ties", "they agreed to"), not one party ("he would talk to Carney")."""
    node = tok
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            return (
                subj.lower_ in PLURAL_PRONOUNS
                or subj.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "conj" for c in subj.children)
            )
        if node.dep_ not in ("xcomp", "ccomp", "conj", "pobj", "dobj", "prep", "pcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _drop_reporting(found: list[Found], doc: Doc) -> list[Found]:
    """ "X announced it will Y": the announcement is coded by its content, not as a bare statement (010); an
    offer or promise of an act done in the saying ("offered an apology") is that act."""
    verbs = {f.trigger for f in found if not f.entry.noun}
    done_nouns = {f.trigger for f in found if f.entry.noun and f.modality is not Modality.PLANNED}
    keep = []
    for f in found:
        if f.entry.code == "010" and any(
            t.i in verbs and t.i != f.trigger
            for c in doc[f.trigger].children
            if c.dep_ in ("ccomp", "xcomp")
            for t in c.subtree
        ):
            continue
        if (
            f.entry.code.startswith("03")
            and not f.entry.noun
            and any(c.dep_ == "dobj" and c.i in done_nouns for c in doc[f.trigger].children)
        ):
            continue  # "offered an apology": the apology is the act, the offer only carries it
        keep.append(f)
    return keep
